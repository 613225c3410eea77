package kursus.rnn.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextStreamsTest {
    private final int[] ids = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}; // a..m

    @Test
    void streamsAreContiguousPiecesAndChunksAreTimeMajor() {
        TextStreams s = TextStreams.of(ids, 2);
        assertEquals(6, s.streamLength());
        assertEquals(2, s.chunkCount(3));
        TextStreams.Chunk c0 = s.chunk(0, 3), c1 = s.chunk(1, 3);
        assertArrayEquals(new int[][] {{0, 6}, {1, 7}, {2, 8}}, c0.inputs().timeMajor());
        assertArrayEquals(new int[][] {{1, 7}, {2, 8}, {3, 9}}, c0.targets().timeMajor());
        assertArrayEquals(new int[][] {{3, 9}, {4, 10}, {5, 11}}, c1.inputs().timeMajor());
        assertArrayEquals(new int[][] {{4, 10}, {5, 11}, {6, 12}}, c1.targets().timeMajor());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, s.whole().inputs().sequence(0));
        assertArrayEquals(new int[] {7, 8, 9, 10, 11, 12}, s.whole().targets().sequence(1));
    }

    @Test
    void chunkAtWalksThroughTheTextAgainAndMarksEachNewPass() {
        TextStreams s = TextStreams.of(ids, 2);
        assertTrue(s.chunkAt(0, 3).startsPass());
        assertEquals(1, s.chunkAt(1, 3).index());
        assertTrue(s.chunkAt(2, 3).startsPass());
        assertThrows(IllegalArgumentException.class, () -> s.chunk(2, 3));
        assertThrows(IllegalArgumentException.class, () -> s.chunkCount(7));
        assertThrows(IllegalArgumentException.class, () -> TextStreams.of(new int[] {1, 2}, 2));
    }
}
