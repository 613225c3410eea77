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

    /** A piece of a label: plain text or a subscript. */
    record Run(String text, boolean subscript) {}

    /**
     * Splits a label written with TeX-like subscripts, {@code "W_xh, W_hh"} or {@code "T_x"}, into plain and
     * subscript runs; a subscript is the letters and digits right after {@code _} (an {@code _} not followed by
     * one stays as it is).
     */
    static java.util.List<Run> subscriptRuns(String s) {
        java.util.List<Run> runs = new java.util.ArrayList<>();
        StringBuilder plain = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int j = i + 1;
            while (j < s.length() && Character.isLetterOrDigit(s.charAt(j))) {
                j++;
            }
            if (c == '_' && j > i + 1) {
                if (plain.length() > 0) {
                    runs.add(new Run(plain.toString(), false));
                    plain.setLength(0);
                }
                runs.add(new Run(s.substring(i + 1, j), true));
                i = j;
            } else {
                plain.append(c);
                i++;
            }
        }
        if (plain.length() > 0) {
            runs.add(new Run(plain.toString(), false));
        }
        return runs;
    }

    /**
     * Draws {@code s} from ({@code x}, {@code baseline}) in the current font and colour, with every
     * {@code _sub} as a real subscript (70 % size, lowered), so "W_xh" reads W<sub>xh</sub> and never shows
     * the underscore.
     *
     * @return the x position after the text
     */
    static int drawSubscripted(Graphics2D g, String s, int x, int baseline) {
        Font base = g.getFont();
        Font small = base.deriveFont(base.getSize2D() * 0.7f);
        int drop = Math.round(base.getSize2D() * 0.3f);
        for (Run r : subscriptRuns(s)) {
            g.setFont(r.subscript() ? small : base);
            g.drawString(r.text(), x, r.subscript() ? baseline + drop : baseline);
            x += g.getFontMetrics().stringWidth(r.text());
        }
        g.setFont(base);
        return x;
    }

    /** Draws {@code s} in the current font and colour, centred on {@code cx}, on the given baseline. */
    static void centered(Graphics2D g, String s, int cx, int baseline) {
        FontMetrics fm = g.getFontMetrics();
        g.drawString(s, cx - fm.stringWidth(s) / 2, baseline);
    }
}
