package kursus.rnn.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class TokenizerTest {

    @Test
    void lowercasesAndSplitsPunctuation() {
        assertEquals(List.of("filmnya", "tidak", "buruk", ",", "tapi", "mahal", "!"),
                Tokenizer.tokenize("Filmnya TIDAK buruk, tapi mahal!"));
    }

    @Test
    void keepsIndonesianReduplicationAndApostrophesInsideWords() {
        assertEquals(List.of("anak-anak", "libur", "hari", "jum'at", "."),
                Tokenizer.tokenize("Anak-anak libur hari Jum'at."));
    }

    @Test
    void keepsNumbersWithSeparatorsTogether() {
        assertEquals(List.of("harga", "rp", "1.000,50", "pada", "17/08", "."),
                Tokenizer.tokenize("Harga Rp 1.000,50 pada 17/08."));
    }

    @Test
    void canKeepCase() {
        assertEquals(List.of("Harry", "Potter", "and", "Hermione"), Tokenizer.tokenize("Harry Potter and Hermione", false));
    }

    @Test
    void emptyTextGivesNoTokens() {
        assertEquals(List.of(), Tokenizer.tokenize("   "));
    }
}
