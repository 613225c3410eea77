package kursus.rnn.gen;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import kursus.rnn.core.Msg;
import kursus.rnn.random.NumpyRandom;

/**
 * Generates BIO-tagged sentences for named-entity recognition (many-to-many tagging), in
 * Indonesian or English, from sentence templates and name lists.
 *
 * <p>A template is a sentence whose tokens are separated by single spaces, with slots
 * {@code {PER}} (a person) and {@code {LOC}} (a place): {@code "{PER} tinggal di {LOC} ."} can give
 * <pre>
 *   Budi    Santoso  tinggal  di  Bandung  .
 *   B-PER   I-PER    O        O   B-LOC    O
 * </pre>
 * A person is one name from the list, or (with probability {@link #FULL_NAME_PROBABILITY}) two names,
 * which gives the {@code I-PER} tags. Names that are all lower or all upper case in the list
 * ({@code "budi"}, {@code "KEBAYORAN BARU"}) are written in title case; mixed-case names are kept.
 * Titles such as "Pak", "Ibu", "Mrs" are part of the template and tagged {@code O}, as in CoNLL.
 *
 * <p>Seeded with {@link NumpyRandom}: the same seed, lists and templates give the same sentences.
 */
public final class NerSentenceGenerator {

    /** Template language (selects the built-in templates). */
    public enum Language {
        /** Bahasa Indonesia. */
        ID,
        /** English. */
        EN
    }

    /** Probability that a person gets two names (e.g. "Dewi Lestari") instead of one. */
    public static final double FULL_NAME_PROBABILITY = 0.4;

    /** One generated sentence: tokens and their BIO tags, same length. */
    public record Sentence(List<String> tokens, List<String> tags) {
        /** The tokens joined by spaces. */
        public String text() {
            return String.join(" ", tokens);
        }

        /** {@code Budi/B-PER tinggal/O ...}, handy for printing. */
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < tokens.size(); i++) {
                sb.append(i == 0 ? "" : " ").append(tokens.get(i)).append('/').append(tags.get(i));
            }
            return sb.toString();
        }
    }

    private static final List<String> TEMPLATES_ID = List.of(
            "{PER} tinggal di {LOC} .",
            "{PER} dan {PER} pergi ke {LOC} kemarin .",
            "Kemarin {PER} berkunjung ke {LOC} .",
            "{PER} lahir di {LOC} pada tahun 1990 .",
            "Saya bertemu {PER} di {LOC} minggu lalu .",
            "Ibu {PER} bekerja sebagai guru di {LOC} .",
            "Pak {PER} membuka warung baru di {LOC} .",
            "{PER} menelepon {PER} dari {LOC} .",
            "Keluarga {PER} pindah dari {LOC} ke {LOC} .",
            "Hujan deras turun di {LOC} sejak pagi .",
            "Jalan menuju {LOC} macet total .",
            "{PER} sedang belajar untuk ujian .",
            "Apakah {PER} sudah sampai di {LOC} ?",
            "Menurut {PER} , harga beras di {LOC} naik .",
            "{PER} adalah teman sekelas {PER} .",
            "Besok kami akan berlibur ke {LOC} .",
            "Pasar di {LOC} ramai sekali hari ini .",
            "Adik saya suka membaca buku cerita .",
            "Cuaca hari ini cerah dan sejuk .",
            "{PER} memenangkan lomba lari di {LOC} .",
            "Dari {LOC} , {PER} naik kereta ke {LOC} .",
            "{PER} , {PER} , dan {PER} makan siang bersama .",
            "Banyak wisatawan datang ke {LOC} setiap tahun .",
            "{PER} mengirim surat kepada {PER} .",
            "Selamat datang di {LOC} , {PER} !");

    private static final List<String> TEMPLATES_EN = List.of(
            "{PER} lives in {LOC} .",
            "{PER} and {PER} invented a new spell .",
            "Yesterday {PER} visited {LOC} .",
            "{PER} was born in {LOC} in 1990 .",
            "I met {PER} in {LOC} last week .",
            "Mrs {PER} teaches history in {LOC} .",
            "Mr {PER} opened a small bakery near {LOC} .",
            "{PER} called {PER} from {LOC} .",
            "The family of {PER} moved from {LOC} to {LOC} .",
            "It rained all day in {LOC} .",
            "Traffic to {LOC} was terrible this morning .",
            "{PER} is studying for the exam .",
            "Has {PER} arrived in {LOC} yet ?",
            "According to {PER} , rice prices in {LOC} went up .",
            "{PER} is a classmate of {PER} .",
            "Tomorrow we will travel to {LOC} .",
            "The market in {LOC} is busy today .",
            "My sister likes reading story books .",
            "The weather is sunny and cool today .",
            "{PER} won the race in {LOC} .",
            "From {LOC} , {PER} took the train to {LOC} .",
            "{PER} , {PER} and {PER} had lunch together .",
            "Many tourists come to {LOC} every year .",
            "{PER} sent a letter to {PER} .",
            "Welcome to {LOC} , {PER} !");

    private final List<String> persons;
    private final List<String> places;
    private final List<String> templates;
    private final NumpyRandom rng;

    /** A generator with the built-in templates of {@code language}. */
    public NerSentenceGenerator(Language language, List<String> persons, List<String> places, long seed) {
        this(templates(language), persons, places, seed);
    }

    /** A generator with your own templates (slots {@code {PER}}, {@code {LOC}}; tokens separated by spaces). */
    public NerSentenceGenerator(List<String> templates, List<String> persons, List<String> places, long seed) {
        this.templates = checkTemplates(templates);
        this.persons = clean(persons, "persons", needs(templates, "{PER}"));
        this.places = clean(places, "places", needs(templates, "{LOC}"));
        this.rng = new NumpyRandom(seed);
    }

    /** The built-in templates of a language (unmodifiable). */
    public static List<String> templates(Language language) {
        if (language == null) {
            throw Msg.badInput("NerSentenceGenerator: bahasa bernilai null. Pakai Language.ID atau Language.EN.",
                    "NerSentenceGenerator: the language is null. Use Language.ID or Language.EN.");
        }
        return language == Language.ID ? TEMPLATES_ID : TEMPLATES_EN;
    }

    /** The next random sentence. */
    public Sentence next() {
        String template = templates.get((int) rng.randint(0, templates.size()));
        List<String> tokens = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        List<String> usedPersons = new ArrayList<>();
        List<String> usedPlaces = new ArrayList<>();
        for (String slot : template.split(" ")) {
            if (slot.equals("{PER}")) {
                add(tokens, tags, person(usedPersons), "PER");
            } else if (slot.equals("{LOC}")) {
                add(tokens, tags, distinct(places, usedPlaces), "LOC");
            } else if (!slot.isEmpty()) {
                tokens.add(slot);
                tags.add("O");
            }
        }
        return new Sentence(Collections.unmodifiableList(tokens), Collections.unmodifiableList(tags));
    }

    /** The next {@code n} random sentences. */
    public List<Sentence> generate(int n) {
        if (n < 0) {
            throw Msg.badInput("generate: n harus >= 0, didapat " + n + ".", "generate: n must be >= 0, got " + n + ".");
        }
        List<Sentence> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(next());
        }
        return out;
    }

    private String person(List<String> used) {
        String first = distinct(persons, used);
        if (persons.size() > 1 && rng.rand() < FULL_NAME_PROBABILITY && !first.contains(" ")) {
            String second = persons.get((int) rng.randint(0, persons.size()));
            if (!second.equals(first)) {
                return first + " " + second;
            }
        }
        return first;
    }

    /** A random item not yet used in this sentence (any item once all are used). */
    private String distinct(List<String> items, List<String> used) {
        List<String> free = new ArrayList<>();
        for (String it : items) {
            if (!used.contains(it)) {
                free.add(it);
            }
        }
        List<String> from = free.isEmpty() ? items : free;
        String pick = from.get((int) rng.randint(0, from.size()));
        used.add(pick);
        return pick;
    }

    private static void add(List<String> tokens, List<String> tags, String name, String type) {
        String[] parts = name.split(" ");
        for (int i = 0; i < parts.length; i++) {
            tokens.add(parts[i]);
            tags.add((i == 0 ? "B-" : "I-") + type);
        }
    }

    private static List<String> checkTemplates(List<String> templates) {
        if (templates == null || templates.isEmpty()) {
            throw Msg.badInput("NerSentenceGenerator: daftar template kosong.", "NerSentenceGenerator: the template list is empty.");
        }
        for (String t : templates) {
            if (t == null || t.isBlank()) {
                throw Msg.badInput("NerSentenceGenerator: ada template kosong.", "NerSentenceGenerator: a template is empty.");
            }
            for (String tok : t.trim().split(" +")) {
                if (tok.contains("{") && !tok.equals("{PER}") && !tok.equals("{LOC}")) {
                    throw Msg.badInput("NerSentenceGenerator: slot '" + tok + "' dalam template \"" + t
                                    + "\" tidak dikenal. Slot yang ada: {PER} dan {LOC}, dipisah spasi dari kata lain.",
                            "NerSentenceGenerator: slot '" + tok + "' in template \"" + t
                                    + "\" is unknown. The slots are {PER} and {LOC}, separated from other words by spaces.");
                }
            }
        }
        return List.copyOf(templates);
    }

    private static boolean needs(List<String> templates, String slot) {
        for (String t : templates) {
            if (t != null && t.contains(slot)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> clean(List<String> names, String what, boolean required) {
        List<String> out = new ArrayList<>();
        if (names != null) {
            for (String n : names) {
                if (n != null && !n.isBlank()) {
                    out.add(titleCase(n.trim().replaceAll("\\s+", " ")));
                }
            }
        }
        if (required && out.isEmpty()) {
            throw Msg.badInput("NerSentenceGenerator: daftar " + (what.equals("persons") ? "nama orang" : "nama tempat")
                            + " kosong, padahal template memakai slot " + (what.equals("persons") ? "{PER}" : "{LOC}") + ".",
                    "NerSentenceGenerator: the " + (what.equals("persons") ? "person" : "place")
                            + " list is empty, but the templates use the " + (what.equals("persons") ? "{PER}" : "{LOC}")
                            + " slot.");
        }
        return out;
    }

    /** "budi" and "KEBAYORAN BARU" become "Budi" and "Kebayoran Baru"; "McDonald" stays. */
    static String titleCase(String s) {
        if (!s.equals(s.toLowerCase(Locale.ROOT)) && !s.equals(s.toUpperCase(Locale.ROOT))) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        boolean start = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
            start = c == ' ' || c == '-' || c == '(';
        }
        return sb.toString();
    }
}
