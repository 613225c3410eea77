package kursus.rnn.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class NameMarkupTest {
    private static final Path NOWHERE = Path.of("inline");

    @Test
    void punctuationAtWordEdgesIsSplitOff() {
        assertEquals(List.of("friend", "."), NameMarkup.splitPunctuation("friend."));
        assertEquals(List.of("Edinburgh", ","), NameMarkup.splitPunctuation("Edinburgh,"));
        assertEquals(List.of("\"", "Mondnacht", "\""), NameMarkup.splitPunctuation("\"Mondnacht\""));
        assertEquals(List.of("computer", "..."), NameMarkup.splitPunctuation("computer..."));
        assertEquals(List.of("right", "?", "\""), NameMarkup.splitPunctuation("right?\""));
    }

    @Test
    void punctuationInsideWordsIsKept() {
        assertEquals(List.of("I'd"), NameMarkup.splitPunctuation("I'd"));
        assertEquals(List.of("030/827234", "."), NameMarkup.splitPunctuation("030/827234."));
        assertEquals(List.of("Rue-de-Grandes-Illusions"), NameMarkup.splitPunctuation("Rue-de-Grandes-Illusions"));
        assertEquals(List.of("..."), NameMarkup.splitPunctuation("..."));
    }

    @Test
    void typedAndUntypedSpansBecomeBioTags() {
        TaggedSentence s = NameMarkup.parseLine(NOWHERE, 7,
                "Hi <START> Mike <END> , it's <START:person> Stefanie Schmidt <END>. In <START:location> Berlin <END>!");
        assertEquals(List.of("Hi", "Mike", ",", "it's", "Stefanie", "Schmidt", ".", "In", "Berlin", "!"), s.tokens());
        assertEquals(List.of("O", "B-PER", "O", "O", "B-PER", "I-PER", "O", "O", "B-LOC", "O"), s.tags());
        assertEquals(7, s.line());
        assertEquals("Hi Mike , it's Stefanie Schmidt . In Berlin !", s.text());
    }

    @Test
    void markupGluedToWordsIsSeparated() {
        TaggedSentence s = NameMarkup.parseLine(NOWHERE, 1, "My name is <START:person>Michael Hinterhofer<END>.");
        assertEquals(List.of("My", "name", "is", "Michael", "Hinterhofer", "."), s.tokens());
        assertEquals(List.of("O", "O", "O", "B-PER", "I-PER", "O"), s.tags());
    }

    @Test
    void entityTypesMapToShortTags() {
        assertEquals("PER", NameMarkup.shortType("person"));
        assertEquals("ORG", NameMarkup.shortType("organization"));
        assertEquals("DATE", NameMarkup.shortType("date"));
        assertEquals("PER", NameMarkup.shortType(null));
        assertEquals("PRODUCT", NameMarkup.shortType("product"));
    }
}
