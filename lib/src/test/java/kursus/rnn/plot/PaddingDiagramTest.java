package kursus.rnn.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The padding picture marks real tokens, padding and each sentence's last real token. */
class PaddingDiagramTest {

    static Color at(BufferedImage img, int x, int y) {
        return new Color(img.getRGB(x, y));
    }

    @Test
    void colorsRealPaddedAndLastCells() {
        BufferedImage img = PaddingDiagram.batch(List.of(List.of("enak", "tapi", "mahal", "."), List.of("enak", "!")));
        assertEquals(PaddingDiagram.LEFT + 4 * PaddingDiagram.COL + 20, img.getWidth());
        assertEquals(PaddingDiagram.TOP + 2 * PaddingDiagram.ROW + 78, img.getHeight());
        // inside the boxes, away from the text: real fill, padding fill
        int dy = PaddingDiagram.BOX_H / 2 - 4;
        assertEquals(PaddingDiagram.REAL, at(img, PaddingDiagram.cx(0) - 30, PaddingDiagram.cy(0) - dy));
        assertEquals(PaddingDiagram.PAD, at(img, PaddingDiagram.cx(3) - 30, PaddingDiagram.cy(1) - dy));
        // the last real token of row 2 (t = 2) has the orange frame on its left edge; row 1's t = 2 does not
        int left = PaddingDiagram.cx(1) - PaddingDiagram.BOX_W / 2;
        assertEquals(PaddingDiagram.LAST, at(img, left, PaddingDiagram.cy(1)));
        assertTrue(!at(img, left, PaddingDiagram.cy(0)).equals(PaddingDiagram.LAST));
    }

    @Test
    void rejectsEmptySentences() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PaddingDiagram.batch(List.of(List.of())));
        assertTrue(e.getMessage().contains("[ID]") && e.getMessage().contains("[EN]"));
    }
}
