package kursus.rnn.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kursus.rnn.core.Msg;

/**
 * A simple word tokenizer for Indonesian and English: lowercase, then split into words, numbers
 * and single punctuation marks.
 *
 * <ul>
 *   <li>A word is letters/digits, optionally joined by an inner hyphen or apostrophe, so Indonesian
 *       reduplication stays one word ({@code "anak-anak"}, {@code "sehari-hari"}) and so do
 *       {@code "don't"} and {@code "jum'at"}.</li>
 *   <li>A number keeps its inner separators ({@code "1.000"}, {@code "3,5"}, {@code "17/08"}).</li>
 *   <li>Every other non-space character is a token of its own ({@code "."}, {@code ","}, {@code "!"}).</li>
 * </ul>
 *
 * <p>Example: {@code tokenize("Filmnya TIDAK buruk, tapi mahal!")} gives
 * {@code [filmnya, tidak, buruk, ",", tapi, mahal, "!"]}.
 */
public final class Tokenizer {
    private static final Pattern TOKEN = Pattern.compile(
            "\\p{N}+(?:[.,:/]\\p{N}+)+(?![\\p{L}])"          // numbers with inner separators
            + "|[\\p{L}\\p{M}\\p{N}]+(?:['’-][\\p{L}\\p{M}\\p{N}]+)*" // words (with inner - or ')
            + "|[^\\s\\p{L}\\p{M}\\p{N}]");                  // one punctuation mark / symbol

    private Tokenizer() {}

    /** Lowercases {@code text} and splits it into tokens (see the class comment). */
    public static List<String> tokenize(String text) {
        return tokenize(text, true);
    }

    /**
     * Splits {@code text} into tokens (see the class comment).
     *
     * @param lowercase whether to lowercase first (locale-independent, so {@code "I"} stays {@code "i"})
     */
    public static List<String> tokenize(String text, boolean lowercase) {
        if (text == null) {
            throw Msg.badInput("tokenize: teks bernilai null. Berikan sebuah String (boleh kosong).",
                    "tokenize: text is null. Pass a String (it may be empty).");
        }
        String s = lowercase ? text.toLowerCase(Locale.ROOT) : text;
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(s);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
