package kursus.rnn.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kursus.rnn.random.NumpyRandom;
import org.junit.jupiter.api.Test;

/** Streams cut a sequence into parallel next-token streams and chunks; the echo task delays by exactly d. */
class StreamsTest {

    @Test
    void nextTokenCutsIntoParallelStreamsAsInTheJavadoc() {
        int[] ids = {0, 1, 2, 3, 4, 5, 6, 7, 8}; // a..i
        Streams s = Streams.nextToken(ids, 2);
        assertEquals(4, s.length());
        assertEquals(2, s.streams());
        Streams.Chunk all = s.all();
        assertArrayEquals(new int[][] {{0, 4}, {1, 5}, {2, 6}, {3, 7}}, all.inputs());
        assertArrayEquals(new int[][] {{1, 5}, {2, 6}, {3, 7}, {4, 8}}, all.targets());
    }

    @Test
    void chunksCoverEveryStepOnceWithAShorterLastChunk() {
        Streams s = Streams.nextToken(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8}, 2);
        List<Streams.Chunk> c = s.chunks(3);
        assertEquals(2, c.size());
        assertEquals(0, c.get(0).start());
        assertEquals(3, c.get(0).length());
        assertEquals(3, c.get(1).start());
        assertArrayEquals(new int[][] {{3, 7}}, c.get(1).inputs());
        assertArrayEquals(new int[][] {{4, 8}}, c.get(1).targets());
        assertEquals(1, s.chunks(100).size());
    }

    @Test
    void chunksAreCopies() {
        Streams s = Streams.nextToken(new int[] {0, 1, 2, 3, 4}, 1);
        s.chunk(0, 2).inputs()[0][0] = 99;
        assertEquals(0, s.chunk(0, 2).inputs()[0][0]);
    }

    @Test
    void echoTargetIsTheInputDelaySteps() {
        int d = 3;
        Streams s = Streams.echo(4, d, 5, 40, new NumpyRandom(1));
        int[][] x = s.all().inputs(), y = s.all().targets();
        for (int t = d; t < 40; t++) {
            for (int b = 0; b < 5; b++) {
                assertEquals(x[t - d][b], y[t][b]);
            }
        }
        // the inputs are not a constant: all four symbols occur
        boolean[] seen = new boolean[4];
        for (int[] row : x) {
            for (int v : row) {
                seen[v] = true;
            }
        }
        assertTrue(seen[0] && seen[1] && seen[2] && seen[3]);
    }

    @Test
    void badArgumentsGiveABilingualError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Streams.nextToken(new int[] {1, 2}, 3));
        assertTrue(e.getMessage().contains("[ID]") && e.getMessage().contains("[EN]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Streams.echo(4, 10, 2, 10, new NumpyRandom(1)));
        assertThrows(IllegalArgumentException.class, () -> Streams.nextToken(new int[] {1, 2, 3}, 1).chunks(0));
    }
}
