package kursus.rnn.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import kursus.rnn.core.Msg;

/**
 * A vocabulary: the fixed list of tokens a model knows, each with an index {@code 0..size()-1}.
 *
 * <p>Two levels: {@link Level#CHAR} (every token is one character, e.g. for name generation) and
 * {@link Level#WORD} (every token is a word or punctuation mark, e.g. for sentiment analysis).
 *
 * <p>Order is deterministic: first the requested {@link Special} tokens in the order
 * {@code <pad>, <unk>, <s>, </s>} (so {@code <pad>} is 0 when present), then the real tokens sorted
 * (characters by code point, words alphabetically). The same text therefore always gives the same
 * indices, on every machine.
 *
 * <pre>{@code
 * Vocabulary v = Vocabulary.ofChars("hello");   // [e, h, l, o]
 * int[] ids = v.encode("hello");                 // [1, 0, 2, 2, 3]
 * String s = v.decode(ids);                      // "hello"
 * }</pre>
 *
 * <p>A token that is not in the vocabulary becomes {@code <unk>} if the vocabulary has it;
 * otherwise encoding fails with a message that names the token and how to fix it.
 */
public final class Vocabulary {

    /** What one token is. */
    public enum Level {
        /** One token = one character (Unicode code point). */
        CHAR,
        /** One token = one word or punctuation mark. */
        WORD
    }

    private final Level level;
    private final List<String> tokens;
    private final Map<String, Integer> index;

    private Vocabulary(Level level, List<String> tokens) {
        this.level = level;
        this.tokens = Collections.unmodifiableList(new ArrayList<>(tokens));
        this.index = new HashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (t == null) {
                throw Msg.badInput("Vocabulary: token ke-" + i + " bernilai null.",
                        "Vocabulary: token " + i + " is null.");
            }
            if (index.put(t, i) != null) {
                throw Msg.badInput("Vocabulary: token '" + t + "' muncul dua kali. Setiap token harus unik.",
                        "Vocabulary: token '" + t + "' appears twice. Every token must be unique.");
            }
        }
        if (tokens.isEmpty()) {
            throw Msg.badInput("Vocabulary: kosakata kosong (0 token). Bangun dari teks yang tidak kosong.",
                    "Vocabulary: the vocabulary is empty (0 tokens). Build it from non-empty text.");
        }
    }

    // ------------------------------------------------------------------ building

    /**
     * Character vocabulary of {@code text}: every distinct character, sorted by code point, after
     * the requested special tokens.
     */
    public static Vocabulary ofChars(String text, Special... specials) {
        requireText(text, "text");
        return ofChars(List.of(text), specials);
    }

    /** Character vocabulary of all {@code texts} together (e.g. a list of names). */
    public static Vocabulary ofChars(Collection<String> texts, Special... specials) {
        if (texts == null) {
            throw Msg.badInput("Vocabulary.ofChars: daftar teks bernilai null.",
                    "Vocabulary.ofChars: the list of texts is null.");
        }
        Set<String> chars = new TreeSet<>(Vocabulary::compareCodePoints);
        for (String t : texts) {
            requireText(t, "texts");
            t.codePoints().forEach(cp -> chars.add(new String(Character.toChars(cp))));
        }
        return build(Level.CHAR, chars, specials);
    }

    /**
     * Word vocabulary of {@code tokens} (already tokenized, e.g. by {@link Tokenizer#tokenize}):
     * every distinct token, sorted alphabetically, after the requested special tokens.
     */
    public static Vocabulary ofWords(Collection<String> tokens, Special... specials) {
        return ofWords(tokens, 1, specials);
    }

    /**
     * Word vocabulary keeping only tokens seen at least {@code minCount} times; the rarer ones will
     * be encoded as {@code <unk>}, so {@link Special#UNK} must be among {@code specials} when
     * {@code minCount > 1}.
     */
    public static Vocabulary ofWords(Collection<String> tokens, int minCount, Special... specials) {
        if (tokens == null) {
            throw Msg.badInput("Vocabulary.ofWords: daftar token bernilai null.",
                    "Vocabulary.ofWords: the token list is null.");
        }
        if (minCount < 1) {
            throw Msg.badInput("Vocabulary.ofWords: minCount harus >= 1, didapat " + minCount + ".",
                    "Vocabulary.ofWords: minCount must be >= 1, got " + minCount + ".");
        }
        if (minCount > 1 && !specialSet(specials).contains(Special.UNK)) {
            throw Msg.badInput("Vocabulary.ofWords: minCount = " + minCount
                            + " membuang kata langka, tetapi tidak ada <unk> untuk menggantikannya. "
                            + "Tambahkan Special.UNK.",
                    "Vocabulary.ofWords: minCount = " + minCount
                            + " drops rare words, but there is no <unk> to stand for them. Add Special.UNK.");
        }
        Map<String, Integer> counts = new TreeMap<>();
        for (String t : tokens) {
            if (t == null) {
                throw Msg.badInput("Vocabulary.ofWords: ada token bernilai null.",
                        "Vocabulary.ofWords: a token is null.");
            }
            counts.merge(t, 1, Integer::sum);
        }
        Set<String> kept = new TreeSet<>();
        counts.forEach((t, c) -> {
            if (c >= minCount) {
                kept.add(t);
            }
        });
        return build(Level.WORD, kept, specials);
    }

    /**
     * Rebuilds a vocabulary from its exact token list (as returned by {@link #tokens()}), keeping
     * the order: use this when loading a saved model so the indices stay the same.
     */
    public static Vocabulary fromTokens(Level level, List<String> tokens) {
        if (level == null || tokens == null) {
            throw Msg.badInput("Vocabulary.fromTokens: level dan tokens tidak boleh null.",
                    "Vocabulary.fromTokens: level and tokens must not be null.");
        }
        if (level == Level.CHAR) {
            for (String t : tokens) {
                if (t != null && !isSpecialToken(t) && t.codePointCount(0, t.length()) != 1) {
                    throw Msg.badInput("Vocabulary.fromTokens: token '" + t
                                    + "' bukan satu karakter, padahal level = CHAR.",
                            "Vocabulary.fromTokens: token '" + t + "' is not one character, but level = CHAR.");
                }
            }
        }
        return new Vocabulary(level, tokens);
    }

    private static Vocabulary build(Level level, Set<String> sorted, Special... specials) {
        List<String> all = new ArrayList<>();
        for (Special s : specialSet(specials)) { // enum order: pad, unk, s, /s
            all.add(s.token());
        }
        Set<String> reserved = new java.util.HashSet<>(all);
        for (String t : sorted) {
            if (!reserved.contains(t)) { // a text may literally contain "<unk>" as a word
                all.add(t);
            }
        }
        return new Vocabulary(level, all);
    }

    /** The requested special tokens, as a set in enum order (pad, unk, s, /s). */
    private static EnumSet<Special> specialSet(Special... specials) {
        EnumSet<Special> set = EnumSet.noneOf(Special.class);
        if (specials != null) {
            for (Special s : specials) {
                if (s == null) {
                    throw Msg.badInput("Vocabulary: ada token khusus bernilai null.",
                            "Vocabulary: a special token is null.");
                }
                set.add(s);
            }
        }
        return set;
    }

    private static boolean isSpecialToken(String t) {
        for (Special s : Special.values()) {
            if (s.token().equals(t)) {
                return true;
            }
        }
        return false;
    }

    private static int compareCodePoints(String a, String b) {
        return Integer.compare(a.codePointAt(0), b.codePointAt(0));
    }

    private static void requireText(String t, String name) {
        if (t == null) {
            throw Msg.badInput("Vocabulary: " + name + " berisi null. Berikan String.",
                    "Vocabulary: " + name + " contains null. Pass a String.");
        }
    }

    // ------------------------------------------------------------------ lookup

    /** Number of tokens, including the special ones. */
    public int size() {
        return tokens.size();
    }

    /** Whether one token is one character or one word. */
    public Level level() {
        return level;
    }

    /** {@code true} for a character vocabulary. */
    public boolean isCharLevel() {
        return level == Level.CHAR;
    }

    /** All tokens in index order (unmodifiable); {@code tokens().get(i)} is the token of index i. */
    public List<String> tokens() {
        return tokens;
    }

    /** Whether {@code token} has its own index (not counting the {@code <unk>} fallback). */
    public boolean contains(String token) {
        return index.containsKey(token);
    }

    /** Whether character {@code c} has its own index. */
    public boolean contains(char c) {
        return index.containsKey(String.valueOf(c));
    }

    /** Whether the vocabulary reserves the special token {@code s}. */
    public boolean has(Special s) {
        return index.containsKey(s.token());
    }

    /** Index of the special token {@code s}; fails if the vocabulary was built without it. */
    public int indexOf(Special s) {
        Integer i = index.get(s.token());
        if (i == null) {
            throw Msg.badInput("Kosakata ini tidak punya token khusus " + s.token()
                            + ". Bangun kosakata dengan Special." + s.name() + ".",
                    "This vocabulary has no special token " + s.token()
                            + ". Build the vocabulary with Special." + s.name() + ".");
        }
        return i;
    }

    /**
     * Index of {@code token}. An unknown token gives the index of {@code <unk>} if present,
     * otherwise an error naming the token.
     */
    public int indexOf(String token) {
        if (token == null) {
            throw Msg.badInput("indexOf: token bernilai null.", "indexOf: token is null.");
        }
        Integer i = index.get(token);
        if (i != null) {
            return i;
        }
        Integer unk = index.get(Special.UNK.token());
        if (unk != null) {
            return unk;
        }
        throw unknown(token, -1);
    }

    /** Index of character {@code c} (same rules as {@link #indexOf(String)}). */
    public int indexOf(char c) {
        return indexOf(String.valueOf(c));
    }

    /** The token with index {@code i}; fails if {@code i} is outside {@code 0..size()-1}. */
    public String tokenOf(int i) {
        if (i < 0 || i >= tokens.size()) {
            throw Msg.badInput("tokenOf: indeks " + i + " di luar rentang 0.." + (tokens.size() - 1)
                            + " (ukuran kosakata " + tokens.size() + "). Apakah keluaran model memakai"
                            + " kosakata yang sama?",
                    "tokenOf: index " + i + " is outside 0.." + (tokens.size() - 1) + " (vocabulary size "
                            + tokens.size() + "). Does the model output use the same vocabulary?");
        }
        return tokens.get(i);
    }

    // ------------------------------------------------------------------ encode / decode

    /**
     * Encodes a text: a character vocabulary takes every character, a word vocabulary first splits
     * the text with {@link Tokenizer#tokenize(String)} (lowercase).
     */
    public int[] encode(String text) {
        requireText(text, "text");
        if (level == Level.WORD) {
            return encode(Tokenizer.tokenize(text));
        }
        int[] cps = text.codePoints().toArray();
        int[] ids = new int[cps.length];
        for (int k = 0; k < cps.length; k++) {
            String t = new String(Character.toChars(cps[k]));
            Integer i = index.get(t);
            if (i == null) {
                i = index.get(Special.UNK.token());
                if (i == null) {
                    throw unknown(t, k);
                }
            }
            ids[k] = i;
        }
        return ids;
    }

    /** Encodes a list of tokens, one index per token. */
    public int[] encode(List<String> tokenList) {
        if (tokenList == null) {
            throw Msg.badInput("encode: daftar token bernilai null.", "encode: the token list is null.");
        }
        int[] ids = new int[tokenList.size()];
        for (int k = 0; k < ids.length; k++) {
            String t = tokenList.get(k);
            Integer i = t == null ? null : index.get(t);
            if (i == null) {
                i = index.get(Special.UNK.token());
                if (i == null) {
                    throw unknown(t, k);
                }
            }
            ids[k] = i;
        }
        return ids;
    }

    /** The tokens of {@code ids}, one per index (special tokens included). */
    public List<String> decodeTokens(int[] ids) {
        List<String> out = new ArrayList<>(ids.length);
        for (int i : ids) {
            out.add(tokenOf(i));
        }
        return out;
    }

    /**
     * Decodes indices back to text: characters are concatenated, words joined with one space.
     * Special tokens are written as their text ({@code <pad>}...).
     */
    public String decode(int[] ids) {
        return decode(ids, false);
    }

    /** Like {@link #decode(int[])}, optionally leaving out the special tokens. */
    public String decode(int[] ids, boolean skipSpecials) {
        if (ids == null) {
            throw Msg.badInput("decode: ids bernilai null.", "decode: ids is null.");
        }
        StringBuilder sb = new StringBuilder();
        for (int i : ids) {
            String t = tokenOf(i);
            if (skipSpecials && isSpecialToken(t)) {
                continue;
            }
            if (level == Level.WORD && sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(t);
        }
        return sb.toString();
    }

    private IllegalArgumentException unknown(String t, int position) {
        String where = position >= 0 ? " (posisi " + position + ")" : "";
        String whereEn = position >= 0 ? " (position " + position + ")" : "";
        if (level == Level.CHAR) {
            String shown = t == null ? "null" : "'" + t + "' (U+" + String.format("%04X", t.codePointAt(0)) + ")";
            return Msg.badInput("Karakter " + shown + where + " tidak ada di kosakata (" + size()
                            + " token, tanpa <unk>). Perbaiki: bangun kosakata dari teks yang memuat karakter"
                            + " ini (Vocabulary.ofChars(teks)), atau tambahkan Special.UNK.",
                    "Character " + shown + whereEn + " is not in the vocabulary (" + size()
                            + " tokens, no <unk>). Fix: build the vocabulary from text that contains it"
                            + " (Vocabulary.ofChars(text)), or add Special.UNK.");
        }
        String shown = t == null ? "null" : "'" + t + "'";
        return Msg.badInput("Kata " + shown + where + " tidak ada di kosakata (" + size()
                        + " token, tanpa <unk>). Perbaiki: bangun kosakata dari teks latih yang memuatnya"
                        + " (Vocabulary.ofWords(token)), atau tambahkan Special.UNK agar kata asing menjadi <unk>.",
                "Word " + shown + whereEn + " is not in the vocabulary (" + size()
                        + " tokens, no <unk>). Fix: build the vocabulary from training text that contains it"
                        + " (Vocabulary.ofWords(tokens)), or add Special.UNK so unseen words map to <unk>.");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Vocabulary v && v.level == level && v.tokens.equals(tokens);
    }

    @Override
    public int hashCode() {
        return level.hashCode() * 31 + tokens.hashCode();
    }

    /** A short summary, e.g. {@code Vocabulary(CHAR, 5 tokens: <pad> e h l o)}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Vocabulary(" + level + ", " + size() + " tokens:");
        int shown = Math.min(size(), 40);
        for (int i = 0; i < shown; i++) {
            String t = tokens.get(i);
            sb.append(' ').append(t.equals(" ") ? "' '" : t.equals("\n") ? "\\n" : t);
        }
        if (shown < size()) {
            sb.append(" ...");
        }
        return sb.append(')').toString();
    }
}
