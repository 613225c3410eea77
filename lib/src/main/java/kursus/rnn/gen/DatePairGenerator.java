package kursus.rnn.gen;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import kursus.rnn.core.Msg;
import kursus.rnn.random.NumpyRandom;

/**
 * Generates (human-readable date, ISO date) pairs for sequence-to-sequence translation, e.g.
 * {@code "Senin, 3 Maret 2025" -> "2025-03-03"} and {@code "March 3rd, 2025" -> "2025-03-03"}.
 *
 * <p>Dates are drawn uniformly between two dates (default 1900-01-01 to 2099-12-31), the format
 * uniformly among the chosen {@link Format}s. Weekday names are computed with {@code java.time},
 * so they are always right. Seeded with {@link NumpyRandom}: the same seed gives the same pairs.
 */
public final class DatePairGenerator {

    /** Human date formats (examples for 17 August 1945, a Friday). */
    public enum Format {
        /** {@code 17 Agustus 1945}. */
        ID_LONG,
        /** {@code Jumat, 17 Agustus 1945}. */
        ID_WEEKDAY,
        /** {@code 17 Agu 1945}. */
        ID_SHORT,
        /** {@code August 17th, 1945}. */
        EN_ORDINAL,
        /** {@code Friday, August 17, 1945}. */
        EN_WEEKDAY,
        /** {@code 17 August 1945}. */
        EN_LONG,
        /** {@code 17 Aug 1945}. */
        EN_SHORT,
        /** {@code 17/08/1945} (day/month/year, as written in Indonesia and Europe). */
        NUMERIC
    }

    /** One pair: the human text, its ISO form, the date and the format used. */
    public record Pair(String human, String iso, LocalDate date, Format format) {
        @Override
        public String toString() {
            return human + " -> " + iso;
        }
    }

    /** Indonesian month names, January first. */
    public static final List<String> MONTHS_ID = List.of("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
            "Agustus", "September", "Oktober", "November", "Desember");
    /** Indonesian month abbreviations, January first. */
    public static final List<String> MONTHS_ID_SHORT = List.of("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu",
            "Sep", "Okt", "Nov", "Des");
    /** Indonesian day names, Monday first. */
    public static final List<String> DAYS_ID = List.of("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu");
    /** English month names, January first. */
    public static final List<String> MONTHS_EN = List.of("January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December");
    /** English day names, Monday first. */
    public static final List<String> DAYS_EN = List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
            "Sunday");

    private final NumpyRandom rng;
    private final LocalDate from;
    private final long days;
    private final Format[] formats;

    /** Dates from 1900-01-01 to 2099-12-31 in all formats. */
    public DatePairGenerator(long seed) {
        this(seed, LocalDate.of(1900, 1, 1), LocalDate.of(2099, 12, 31), Format.values());
    }

    /** Dates from {@code from} to {@code to} (both included) in the given formats (all if none given). */
    public DatePairGenerator(long seed, LocalDate from, LocalDate to, Format... formats) {
        if (from == null || to == null || to.isBefore(from)) {
            throw Msg.badInput("DatePairGenerator: rentang tanggal tidak valid (" + from + " s.d. " + to
                            + "). Butuh from <= to.",
                    "DatePairGenerator: invalid date range (" + from + " to " + to + "). Need from <= to.");
        }
        this.rng = new NumpyRandom(seed);
        this.from = from;
        this.days = to.toEpochDay() - from.toEpochDay() + 1;
        this.formats = formats == null || formats.length == 0 ? Format.values() : formats.clone();
        for (Format f : this.formats) {
            if (f == null) {
                throw Msg.badInput("DatePairGenerator: ada format bernilai null.", "DatePairGenerator: a format is null.");
            }
        }
    }

    /** The next random pair. */
    public Pair next() {
        LocalDate d = from.plusDays(rng.randint(0, days));
        Format f = formats[(int) rng.randint(0, formats.length)];
        return new Pair(format(d, f), iso(d), d, f);
    }

    /** The next {@code n} random pairs. */
    public List<Pair> generate(int n) {
        if (n < 0) {
            throw Msg.badInput("generate: n harus >= 0, didapat " + n + ".", "generate: n must be >= 0, got " + n + ".");
        }
        List<Pair> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(next());
        }
        return out;
    }

    /** ISO 8601 form {@code yyyy-MM-dd}, e.g. {@code 1945-08-17}. */
    public static String iso(LocalDate d) {
        return String.format(java.util.Locale.ROOT, "%04d-%02d-%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
    }

    /** Writes {@code d} in format {@code f}. */
    public static String format(LocalDate d, Format f) {
        int day = d.getDayOfMonth();
        int m = d.getMonthValue() - 1;
        int y = d.getYear();
        DayOfWeek w = d.getDayOfWeek();
        switch (f) {
            case ID_LONG:
                return day + " " + MONTHS_ID.get(m) + " " + y;
            case ID_WEEKDAY:
                return DAYS_ID.get(w.getValue() - 1) + ", " + day + " " + MONTHS_ID.get(m) + " " + y;
            case ID_SHORT:
                return day + " " + MONTHS_ID_SHORT.get(m) + " " + y;
            case EN_ORDINAL:
                return MONTHS_EN.get(m) + " " + day + ordinalSuffix(day) + ", " + y;
            case EN_WEEKDAY:
                return DAYS_EN.get(w.getValue() - 1) + ", " + MONTHS_EN.get(m) + " " + day + ", " + y;
            case EN_LONG:
                return day + " " + MONTHS_EN.get(m) + " " + y;
            case EN_SHORT:
                return day + " " + MONTHS_EN.get(m).substring(0, 3) + " " + y;
            case NUMERIC:
                return String.format(java.util.Locale.ROOT, "%02d/%02d/%04d", day, m + 1, y);
            default:
                throw new AssertionError(f);
        }
    }

    /** English ordinal suffix: 1st, 2nd, 3rd, 4th, ..., 11th, 12th, 13th, 21st, 22nd, 23rd, 31st. */
    public static String ordinalSuffix(int day) {
        if (day % 100 >= 11 && day % 100 <= 13) {
            return "th";
        }
        switch (day % 10) {
            case 1: return "st";
            case 2: return "nd";
            case 3: return "rd";
            default: return "th";
        }
    }
}
