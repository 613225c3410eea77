#!/usr/bin/env bash
# Prints the checksum table rows for data/README.md ("| `file` | bytes | sha256 |"), one per data
# file (scripts, fetch/ and README.md itself excluded). Paste the output into the README's
# "Checksums" table after changing any data file; the JUnit test DataChecksumsTest fails until you do.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
find . -type f ! -path './fetch/*' ! -name '*.py' ! -name '*.sh' ! -name README.md ! -path '*/__pycache__/*' \
  | sed 's|^\./||' | LC_ALL=C sort | while read -r f; do
  printf '| `%s` | %s | %s |\n' "$f" "$(stat -c %s "$f" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta')" \
    "$(sha256sum "$f" | cut -d' ' -f1)"
done
