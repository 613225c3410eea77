package kursus.rnn.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;

/** Java2D drawing helpers shared by {@link Diagrams} and {@link GraphDiagrams}. */
final class Canvas {
    private Canvas() {}

    /** The font family of the diagrams. */
    static final String FONT = "DejaVu Sans";

    /** A diagram font: {@link #FONT} with the given {@link Font} style and point size. */
    static Font font(int style, int size) {
        return new Font(FONT, style, size);
    }

    /** Graphics for {@code img} with antialiasing (shapes and text) on, after painting it white. */
    static Graphics2D start(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        return g;
    }

    /**
     * A filled box with rounded corners centred on ({@code cx}, {@code cy}), {@code w × h}, outlined
     * in {@code line} with a stroke {@code stroke} pixels wide.
     */
    static void roundBox(Graphics2D g, int cx, int cy, int w, int h, double arc, Color fill, Color line, float stroke) {
        RoundRectangle2D r = new RoundRectangle2D.Double(cx - w / 2.0, cy - h / 2.0, w, h, arc, arc);
        g.setColor(fill);
        g.fill(r);
        g.setColor(line);
        g.setStroke(new BasicStroke(stroke));
        g.draw(r);
    }

    /** Draws {@code s} in the current font and colour, centred on {@code cx}, on the given baseline. */
    static void centered(Graphics2D g, String s, int cx, int baseline) {
        FontMetrics fm = g.getFontMetrics();
        g.drawString(s, cx - fm.stringWidth(s) / 2, baseline);
    }
}
