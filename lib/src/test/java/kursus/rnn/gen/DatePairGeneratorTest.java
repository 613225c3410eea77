package kursus.rnn.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;

import kursus.rnn.gen.DatePairGenerator.Format;
import kursus.rnn.gen.DatePairGenerator.Pair;

class DatePairGeneratorTest {
    private static final Locale ID = Locale.forLanguageTag("id");

    /** Independent oracle: parse with the JDK's CLDR month and day names. */
    private static LocalDate parse(String human, Format f) {
        switch (f) {
            case ID_LONG: return LocalDate.parse(human, DateTimeFormatter.ofPattern("d MMMM uuuu", ID));
            case ID_WEEKDAY: return LocalDate.parse(human, DateTimeFormatter.ofPattern("EEEE, d MMMM uuuu", ID));
            case ID_SHORT: return LocalDate.parse(human, DateTimeFormatter.ofPattern("d MMM uuuu", ID));
            case EN_ORDINAL:
                return LocalDate.parse(human.replaceFirst("(\\d+)(st|nd|rd|th),", "$1,"),
                        DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.US));
            case EN_WEEKDAY: return LocalDate.parse(human, DateTimeFormatter.ofPattern("EEEE, MMMM d, uuuu", Locale.US));
            case EN_LONG: return LocalDate.parse(human, DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.US));
            case EN_SHORT: return LocalDate.parse(human, DateTimeFormatter.ofPattern("d MMM uuuu", Locale.US));
            case NUMERIC: return LocalDate.parse(human, DateTimeFormatter.ofPattern("dd/MM/uuuu"));
            default: throw new AssertionError(f);
        }
    }

    @Test
    void everyHumanDateParsesBackToItsIsoDate() {
        for (Pair p : new DatePairGenerator(0).generate(2000)) {
            // a weekday-format parse also fails if the weekday name does not match the date
            assertEquals(p.date(), parse(p.human(), p.format()), p.toString());
            assertEquals(p.date().toString(), p.iso());
        }
    }

    @Test
    void proclamationDayWasAFriday() {
        LocalDate d = LocalDate.of(1945, 8, 17);
        assertEquals("Jumat, 17 Agustus 1945", DatePairGenerator.format(d, Format.ID_WEEKDAY));
        assertEquals("17 Agustus 1945", DatePairGenerator.format(d, Format.ID_LONG));
        assertEquals("1945-08-17", DatePairGenerator.iso(d));
        assertEquals("Friday, August 17, 1945", DatePairGenerator.format(d, Format.EN_WEEKDAY));
    }

    @Test
    void examplesFromTheCourse() {
        LocalDate d = LocalDate.of(2025, 3, 3); // a Monday
        assertEquals("Senin, 3 Maret 2025", DatePairGenerator.format(d, Format.ID_WEEKDAY));
        assertEquals("3 Mar 2025", DatePairGenerator.format(d, Format.EN_SHORT));
        assertEquals("March 3rd, 2025", DatePairGenerator.format(d, Format.EN_ORDINAL));
        assertEquals("03/03/2025", DatePairGenerator.format(d, Format.NUMERIC));
        assertEquals("17 Agu 1945", DatePairGenerator.format(LocalDate.of(1945, 8, 17), Format.ID_SHORT));
    }

    @Test
    void ordinalSuffixes() {
        int[] days = {1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 24, 31};
        String[] want = {"st", "nd", "rd", "th", "th", "th", "th", "st", "nd", "rd", "th", "st"};
        for (int i = 0; i < days.length; i++) {
            assertEquals(want[i], DatePairGenerator.ordinalSuffix(days[i]), "day " + days[i]);
        }
    }

    @Test
    void sameSeedSamePairsOtherSeedOtherPairs() {
        List<Pair> a = new DatePairGenerator(42).generate(10);
        assertEquals(a, new DatePairGenerator(42).generate(10));
        assertNotEquals(a, new DatePairGenerator(43).generate(10));
    }

    @Test
    void datesStayInRangeAndUseOnlyTheChosenFormats() {
        LocalDate from = LocalDate.of(2000, 2, 28), to = LocalDate.of(2000, 3, 1);
        Set<LocalDate> seen = new java.util.HashSet<>();
        for (Pair p : new DatePairGenerator(5, from, to, Format.NUMERIC, Format.ID_LONG).generate(200)) {
            assertTrue(!p.date().isBefore(from) && !p.date().isAfter(to), p.toString());
            assertTrue(p.format() == Format.NUMERIC || p.format() == Format.ID_LONG);
            seen.add(p.date());
        }
        assertEquals(3, seen.size()); // 28 Feb, 29 Feb (leap year), 1 Mar
    }

    @Test
    void allFormatsAppearByDefault() {
        Set<Format> seen = EnumSet.noneOf(Format.class);
        new DatePairGenerator(1).generate(200).forEach(p -> seen.add(p.format()));
        assertEquals(EnumSet.allOf(Format.class), seen);
    }

    @Test
    void reversedRangeIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new DatePairGenerator(1, LocalDate.of(2001, 1, 1), LocalDate.of(2000, 1, 1)));
    }
}
