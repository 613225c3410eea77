package kursus.rnn.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Diagram labels written "W_xh" / "T_x" are drawn with real subscripts, never with the underscore. */
class SubscriptLabelTest {

    @Test
    void labelsSplitIntoPlainAndSubscriptRuns() {
        assertEquals(List.of(new Canvas.Run("W", false), new Canvas.Run("xh", true), new Canvas.Run(", T", false),
                new Canvas.Run("x", true)), Canvas.subscriptRuns("W_xh, T_x"));
        assertEquals(List.of(new Canvas.Run("a _ b", false)), Canvas.subscriptRuns("a _ b"), "a lone _ stays");
        assertEquals(List.of(new Canvas.Run("no subscript", false)), Canvas.subscriptRuns("no subscript"));
    }

    @Test
    void theSubscriptIsSmallerAndBelowTheBaselineAndNoUnderscoreIsDrawn() {
        BufferedImage img = new BufferedImage(200, 60, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Canvas.start(img);
        g.setFont(Canvas.font(Font.PLAIN, 20));
        g.setColor(Color.BLACK);
        int wBase = g.getFontMetrics().stringWidth("W");
        int end = Canvas.drawSubscripted(g, "W_xh", 10, 30);
        int rawWidth = g.getFontMetrics().stringWidth("W_xh");
        g.dispose();
        assertTrue(end - 10 < rawWidth, "narrower than the raw text with its underscore and full-size letters");
        // under the "W" (x 10..10+wBase) nothing is drawn below the baseline: no underscore line there
        assertEquals(0, inkRows(img, 10, 10 + wBase - 1, 32, 45), "ink under the W");
        // the subscript letters reach below the baseline
        assertTrue(inkRows(img, 10 + wBase + 1, end, 32, 45) > 0, "the subscript is lowered");
    }

    private static int inkRows(BufferedImage img, int x0, int x1, int y0, int y1) {
        int rows = 0;
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                if ((img.getRGB(x, y) & 0xFF) < 128) {
                    rows++;
                    break;
                }
            }
        }
        return rows;
    }
}
