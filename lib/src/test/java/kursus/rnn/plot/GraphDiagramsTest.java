package kursus.rnn.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** The BPTT diagrams draw gradient arrows exactly when asked and reject impossible sizes. */
class GraphDiagramsTest {

    static int countColour(BufferedImage img, int rgb) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void unrolledHasGradientArrowsOnlyWhenAsked() {
        int red = GraphDiagrams.BACKWARD.getRGB() & 0xFFFFFF;
        assertTrue(countColour(GraphDiagrams.unrolled(3, true), red) > 200);
        assertEquals(0, countColour(GraphDiagrams.unrolled(3, false), red));
    }

    @Test
    void unrolledWidthGrowsWithT() {
        assertTrue(GraphDiagrams.unrolled(4, false).getWidth() > GraphDiagrams.unrolled(2, false).getWidth());
    }

    @Test
    void truncatedWithOneChunkHasNoCut() {
        int red = GraphDiagrams.BACKWARD.getRGB() & 0xFFFFFF;
        // a single chunk: more red (backward arrows everywhere) than with chunks of 1 (no backward arrow at all)
        assertTrue(countColour(GraphDiagrams.truncated(12, 12), red) > countColour(GraphDiagrams.truncated(12, 1), red));
    }

    @Test
    void rejectsBadSizesWithBilingualMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GraphDiagrams.truncated(10, 11));
        assertTrue(e.getMessage().contains("[ID]") && e.getMessage().contains("[EN]"));
        assertThrows(IllegalArgumentException.class, () -> GraphDiagrams.unrolled(0, true));
    }
}
