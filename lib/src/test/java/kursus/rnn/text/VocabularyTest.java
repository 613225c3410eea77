package kursus.rnn.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class VocabularyTest {

    @Test
    void charVocabularyOfHelloIsSortedDistinctCharacters() {
        Vocabulary v = Vocabulary.ofChars("hello");
        assertEquals(List.of("e", "h", "l", "o"), v.tokens());
        assertEquals(4, v.size());
        assertTrue(v.isCharLevel());
    }

    @Test
    void encodeHelloGivesTheLectureIndices() {
        // vocabulary {e:0, h:1, l:2, o:3}, as in the lecture's "hello" example after sorting
        assertArrayEquals(new int[] {1, 0, 2, 2, 3}, Vocabulary.ofChars("hello").encode("hello"));
    }

    @Test
    void decodeUndoesEncodeForIndonesianText() {
        String text = "Budi tinggal di Bandung, kota kembang.";
        Vocabulary v = Vocabulary.ofChars(text);
        assertEquals(text, v.decode(v.encode(text)));
    }

    @Test
    void charactersOutsideTheBasicPlaneAreOneToken() {
        String text = "a😀b";
        Vocabulary v = Vocabulary.ofChars(text);
        assertEquals(3, v.size());
        assertEquals(3, v.encode(text).length);
        assertEquals(text, v.decode(v.encode(text)));
    }

    @Test
    void specialTokensComeFirstInFixedOrderWithPadAtZero() {
        Vocabulary v = Vocabulary.ofChars("ba", Special.EOS, Special.UNK, Special.PAD);
        assertEquals(List.of("<pad>", "<unk>", "</s>", "a", "b"), v.tokens());
        assertEquals(0, v.indexOf(Special.PAD));
        assertTrue(v.has(Special.EOS));
        assertFalse(v.has(Special.BOS));
    }

    @Test
    void unknownCharacterWithoutUnkFailsNamingItAndTheFix() {
        Vocabulary v = Vocabulary.ofChars("abc");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> v.encode("abz"));
        assertTrue(e.getMessage().contains("'z'"), e.getMessage());
        assertTrue(e.getMessage().contains("[ID]") && e.getMessage().contains("[EN]"));
        assertTrue(e.getMessage().contains("position 2"), e.getMessage());
        assertTrue(e.getMessage().contains("Special.UNK"), e.getMessage());
    }

    @Test
    void unknownCharacterMapsToUnkWhenPresent() {
        Vocabulary v = Vocabulary.ofChars("abc", Special.UNK);
        assertArrayEquals(new int[] {1, 0, 3}, v.encode("azc"));
    }

    @Test
    void wordVocabularyIsSortedAndEncodesTokenizedText() {
        Vocabulary v = Vocabulary.ofWords(Tokenizer.tokenize("film ini bagus . film itu buruk ."), Special.PAD, Special.UNK);
        assertEquals(List.of("<pad>", "<unk>", ".", "bagus", "buruk", "film", "ini", "itu"), v.tokens());
        assertArrayEquals(new int[] {5, 6, 1, 2}, v.encode("Film ini mahal."));
        assertEquals("film ini <unk> .", v.decode(new int[] {5, 6, 1, 2}));
        assertEquals("film ini .", v.decode(new int[] {5, 6, 1, 2}, true));
    }

    @Test
    void unknownWordWithoutUnkFailsNamingTheWord() {
        Vocabulary v = Vocabulary.ofWords(List.of("bagus", "buruk"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> v.encode(List.of("bagus", "mahal")));
        assertTrue(e.getMessage().contains("'mahal'"), e.getMessage());
    }

    @Test
    void minCountDropsRareWords() {
        Vocabulary v = Vocabulary.ofWords(List.of("a", "b", "a", "c", "a", "b"), 2, Special.UNK);
        assertEquals(List.of("<unk>", "a", "b"), v.tokens());
        assertEquals(0, v.indexOf("c"));
    }

    @Test
    void minCountWithoutUnkIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Vocabulary.ofWords(List.of("a"), 2));
    }

    @Test
    void tokenOfOutOfRangeFailsWithTheValidRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Vocabulary.ofChars("ab").tokenOf(5));
        assertTrue(e.getMessage().contains("0..1"), e.getMessage());
    }

    @Test
    void fromTokensRestoresTheSameVocabulary() {
        Vocabulary v = Vocabulary.ofChars(List.of("budi", "siti"), Special.PAD, Special.EOS);
        Vocabulary back = Vocabulary.fromTokens(v.level(), v.tokens());
        assertEquals(v, back);
        assertArrayEquals(v.encode("sudi"), back.encode("sudi"));
    }

    @Test
    void fromTokensRejectsDuplicates() {
        assertThrows(IllegalArgumentException.class,
                () -> Vocabulary.fromTokens(Vocabulary.Level.WORD, List.of("a", "b", "a")));
    }

    @Test
    void emptyTextGivesAClearError() {
        assertThrows(IllegalArgumentException.class, () -> Vocabulary.ofChars(""));
    }
}
