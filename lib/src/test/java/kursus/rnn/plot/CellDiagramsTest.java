package kursus.rnn.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** CellDiagrams draw something of the right size, with the memory path in its colour, and the two cells differ. */
class CellDiagramsTest {

    static int count(BufferedImage img, int rgb) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                n += (img.getRGB(x, y) & 0xFFFFFF) == rgb ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void bothCellsAreDrawnWithTheirHighway() {
        BufferedImage lstm = CellDiagrams.lstm(), gru = CellDiagrams.gru();
        for (BufferedImage img : new BufferedImage[] {lstm, gru}) {
            assertEquals(CellDiagrams.W, img.getWidth());
            assertEquals(CellDiagrams.H, img.getHeight());
            int white = count(img, 0xFFFFFF);
            assertTrue(white < img.getWidth() * img.getHeight() * 0.95, "almost blank");
            // the thick memory path: a long run of the highway colour
            assertTrue(count(img, CellDiagrams.HIGHWAY.getRGB() & 0xFFFFFF) > 2000, "memory path missing");
        }
        int differ = 0;
        for (int y = 0; y < lstm.getHeight(); y++) {
            for (int x = 0; x < lstm.getWidth(); x++) {
                differ += lstm.getRGB(x, y) != gru.getRGB(x, y) ? 1 : 0;
            }
        }
        assertTrue(differ > 5000, "LSTM and GRU drawings should differ");
    }
}
