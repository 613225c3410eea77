package kursus.rnn.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Apache OpenNLP name-finder markup into BIO tags.
 *
 * <p>Format: one sentence per line, names wrapped as {@code <START:person> Alan McKennedy <END>}
 * (or untyped {@code <START> ... <END>}); blank lines separate documents and are skipped. The line
 * {@code So I called <START:person> Julie <END> , a friend.} becomes
 * <pre>
 * So  I  called  Julie  ,  a  friend  .
 * O   O  O       B-PER  O  O  O       O
 * </pre>
 *
 * <p>Tokens are the whitespace-separated words, with punctuation at the start or end of a word split
 * off ({@code "friend."} becomes {@code friend} and {@code .}; a run of dots such as {@code ...} stays
 * one token); punctuation inside a word is kept ({@code I'd}, {@code 030/827234}, {@code Rue-de-Paris}).
 * Entity types map to short tags: person→PER, location→LOC, organization→ORG, date→DATE, misc→MISC,
 * anything else to its upper-case name; an untyped {@code <START>} is PER (OpenNLP's untyped sample
 * files mark person names only).
 */
public final class NameMarkup {
    private static final Pattern START = Pattern.compile("<START(?::([^>\\s]*))?>");
    private static final String END = "<END>";
    private static final String PUNCT = ".,!?;:\"()[]";

    private NameMarkup() {}

    /** Parses every non-blank line of {@code f}; errors name the file and line. */
    public static List<TaggedSentence> parse(Path f) {
        List<String> lines = DataFiles.readLines(f);
        List<TaggedSentence> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                out.add(parseLine(f, i + 1, lines.get(i)));
            }
        }
        return out;
    }

    /** Parses one line of markup (the file and line number are only used in error messages). */
    static TaggedSentence parseLine(Path f, int lineNo, String line) {
        String spaced = START.matcher(line).replaceAll(m -> " " + Matcher.quoteReplacement(m.group()) + " ")
                .replace(END, " " + END + " ");
        List<String> tokens = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        String type = null;       // open span's tag type, null outside a span
        boolean first = false;    // next token inside the span is its first one
        for (String raw : spaced.trim().split("\\s+")) {
            Matcher m = START.matcher(raw);
            if (m.matches()) {
                if (type != null) {
                    throw DataFiles.malformedShipped(f, lineNo, END + " sebelum <START> berikutnya",
                            END + " before the next <START>", "<START> bersarang " + DataFiles.quote(raw),
                            "a nested " + DataFiles.quote(raw));
                }
                type = shortType(m.group(1));
                first = true;
            } else if (raw.equals(END)) {
                if (type == null) {
                    throw DataFiles.malformedShipped(f, lineNo, "<START:...> sebelum " + END,
                            "<START:...> before " + END, END + " tanpa <START>", END + " without a <START>");
                }
                if (first) {
                    throw DataFiles.malformedShipped(f, lineNo, "sebuah nama di antara <START> dan " + END,
                            "a name between <START> and " + END, "rentang nama kosong", "an empty span");
                }
                type = null;
            } else {
                for (String tok : splitPunctuation(raw)) {
                    tokens.add(tok);
                    tags.add(type == null ? "O" : (first ? "B-" : "I-") + type);
                    first = false;
                }
            }
        }
        if (type != null) {
            throw DataFiles.malformedShipped(f, lineNo, END + " sebelum akhir baris",
                    END + " before the end of the line", "<START> yang tidak pernah ditutup",
                    "a <START> that is never closed");
        }
        return new TaggedSentence(lineNo, tokens, tags);
    }

    /** OpenNLP entity type to BIO tag type: person→PER, location→LOC, ...; untyped→PER. */
    static String shortType(String openNlpType) {
        if (openNlpType == null || openNlpType.isEmpty()) {
            return "PER";
        }
        switch (openNlpType.toLowerCase(Locale.ROOT)) {
            case "person": return "PER";
            case "location": return "LOC";
            case "organization": return "ORG";
            case "date": return "DATE";
            case "misc": return "MISC";
            default: return openNlpType.toUpperCase(Locale.ROOT);
        }
    }

    /** Splits leading and trailing punctuation off a whitespace-separated word. */
    static List<String> splitPunctuation(String raw) {
        List<String> lead = new ArrayList<>();
        List<String> trail = new ArrayList<>();
        int a = 0;
        int b = raw.length();
        if (allPunctuation(raw)) {
            return List.of(raw);
        }
        while (a < b && PUNCT.indexOf(raw.charAt(a)) >= 0) {
            lead.add(String.valueOf(raw.charAt(a)));
            a++;
        }
        while (b > a && PUNCT.indexOf(raw.charAt(b - 1)) >= 0) {
            int c = b - 1;
            if (raw.charAt(c) == '.') {
                while (c > a && raw.charAt(c - 1) == '.') {
                    c--;
                }
            }
            trail.add(0, raw.substring(c, b));
            b = c;
        }
        List<String> out = new ArrayList<>(lead);
        out.add(raw.substring(a, b));
        out.addAll(trail);
        return out;
    }

    private static boolean allPunctuation(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (PUNCT.indexOf(s.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }
}
