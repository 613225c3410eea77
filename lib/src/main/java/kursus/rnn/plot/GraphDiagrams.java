package kursus.rnn.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import kursus.rnn.core.Msg;

/**
 * Pictures of computational graphs for the BPTT lesson, drawn with Java2D and returned as
 * {@link BufferedImage} (a notebook cell ending with {@code GraphDiagrams.unrolled(4, true)} shows it).
 *
 * <ul>
 *   <li>{@link #unrolled(int, boolean)}: the vanilla RNN unrolled over T steps — inputs
 *       {@code x_t}, states {@code h_t}, outputs {@code ŷ_t}, losses {@code L_t} and their sum — with
 *       the forward arrows in black and, optionally, the backward (gradient) arrows in red.</li>
 *   <li>{@link #truncated(int, int)}: truncated BPTT over a long sequence: the state flows forward
 *       through every step, gradients flow back only inside each chunk of {@code k} steps.</li>
 * </ul>
 * Labels are symbols plus short bilingual legends (ID / EN). Works headless.
 */
public final class GraphDiagrams {
    private GraphDiagrams() {}

    /** Colour of forward arrows. */
    public static final Color FORWARD = new Color(0x222222);
    /** Colour of backward (gradient) arrows. */
    public static final Color BACKWARD = new Color(0xD55E00);
    private static final Color NODE_X = new Color(0xE8F1FA);
    private static final Color NODE_H = new Color(0xFFF4D6);
    private static final Color NODE_Y = new Color(0xE6F5EC);
    private static final Color NODE_L = new Color(0xFBE3E3);

    /**
     * The unrolled vanilla RNN with its loss {@code L = Σ_t L_t}.
     *
     * @param T number of time steps to draw (1..8)
     * @param showGradients whether to draw the backward arrows (red, dashed) of BPTT
     */
    public static BufferedImage unrolled(int T, boolean showGradients) {
        if (T < 1 || T > 8) {
            throw Msg.badInput("GraphDiagrams.unrolled: T harus 1..8, ternyata " + T,
                    "GraphDiagrams.unrolled: T must be 1..8, got " + T);
        }
        int colW = 150, left = 110, w = left + colW * T + 150, h = 495;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Canvas.start(img);
        int yL = 85, yY = 175, yH = 285, yX = 395, nw = 70, nh = 40;
        int sumX = left + colW * T + 60;
        // h_0
        node(g, left - 70, yH, nw - 10, nh, NODE_H, "h" + sub(0));
        for (int t = 1; t <= T; t++) {
            int cx = left + colW * (t - 1) + colW / 2;
            node(g, cx, yX, nw, nh, NODE_X, "x" + sub(t));
            node(g, cx, yH, nw, nh, NODE_H, "h" + sub(t));
            node(g, cx, yY, nw, nh, NODE_Y, "ŷ" + sub(t));
            node(g, cx, yL, nw, nh, NODE_L, "L" + sub(t));
            arrow(g, cx - 8, yX - nh / 2, cx - 8, yH + nh / 2, FORWARD, false);
            label(g, "W_xh", cx - 48, (yX + yH) / 2 + 4, FORWARD);
            arrow(g, cx - 8, yH - nh / 2, cx - 8, yY + nh / 2, FORWARD, false);
            label(g, "W_hy", cx - 48, (yH + yY) / 2 + 4, FORWARD);
            arrow(g, cx - 8, yY - nh / 2, cx - 8, yL + nh / 2, FORWARD, false);
            int prevRight = t == 1 ? left - 70 + (nw - 10) / 2 : cx - colW + nw / 2;
            arrow(g, prevRight, yH - 7, cx - nw / 2, yH - 7, FORWARD, false);
            label(g, "W_hh", (prevRight + cx - nw / 2) / 2 - 16, yH - 14, FORWARD);
            if (showGradients) {
                arrow(g, cx + 10, yL + nh / 2, cx + 10, yY - nh / 2, BACKWARD, true);
                arrow(g, cx + 10, yY + nh / 2, cx + 10, yH - nh / 2, BACKWARD, true);
                label(g, "ŷ−y", cx + 16, (yY + yH) / 2 + 4, BACKWARD);
                arrow(g, cx - nw / 2, yH + 9, prevRight, yH + 9, BACKWARD, true);
                label(g, "∂L/∂h" + sub(t - 1), (prevRight + cx - nw / 2) / 2 - 22, yH + 28, BACKWARD);
            }
            // L_t to the sum
            g.setColor(new Color(0xAAAAAA));
            g.setStroke(new BasicStroke(1f));
            g.drawLine(cx, yL - nh / 2, sumX - 45, 28);
        }
        node(g, sumX, 28, 90, nh - 6, NODE_L, "L = Σ L" + sub('t'));
        // legend
        g.setFont(Canvas.font(Font.PLAIN, 13));
        arrow(g, 20, h - 40, 60, h - 40, FORWARD, false);
        label(g, "maju / forward", 66, h - 36, FORWARD);
        if (showGradients) {
            arrow(g, 220, h - 40, 260, h - 40, BACKWARD, true);
            label(g, "mundur: gradien / backward: gradient", 266, h - 36, BACKWARD);
            label(g, "W_xh, W_hh, W_hy dipakai di setiap langkah → gradiennya dijumlahkan / shared by every step → their gradients add up",
                    20, h - 14, FORWARD);
        }
        g.dispose();
        return img;
    }

    /**
     * Truncated BPTT over {@code T} steps in chunks of {@code k}: forward arrows through every step,
     * backward arrows only inside each chunk, and a cut at every chunk boundary.
     *
     * @param T steps to draw (2..40)
     * @param k chunk length (1..T)
     */
    public static BufferedImage truncated(int T, int k) {
        if (T < 2 || T > 40) {
            throw Msg.badInput("GraphDiagrams.truncated: T harus 2..40, ternyata " + T,
                    "GraphDiagrams.truncated: T must be 2..40, got " + T);
        }
        if (k < 1 || k > T) {
            throw Msg.badInput("GraphDiagrams.truncated: k harus 1..T=" + T + ", ternyata " + k,
                    "GraphDiagrams.truncated: k must be 1..T=" + T + ", got " + k);
        }
        int step = Math.max(28, Math.min(60, 900 / T)), left = 40, w = left * 2 + step * T, h = 230, y = 100, r = 10;
        BufferedImage img = new BufferedImage(Math.max(w, 560), h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Canvas.start(img);
        // chunk shading
        for (int c = 0; c * k < T; c++) {
            int from = c * k, to = Math.min(T, from + k);
            g.setColor(c % 2 == 0 ? new Color(0xF2F2F2) : new Color(0xE4EEF7));
            g.fillRoundRect(left + from * step - step / 2 + 4, y - 45, (to - from) * step - 8, 90, 14, 14);
            g.setColor(new Color(0x555555));
            g.setFont(Canvas.font(Font.PLAIN, 12));
            g.drawString("chunk " + (c + 1), left + from * step - step / 2 + 10, y - 30);
        }
        for (int t = 0; t < T; t++) {
            int cx = left + t * step;
            g.setColor(NODE_H);
            g.fillOval(cx - r, y - r, 2 * r, 2 * r);
            g.setColor(FORWARD);
            g.setStroke(new BasicStroke(1.3f));
            g.drawOval(cx - r, y - r, 2 * r, 2 * r);
            if (t > 0) {
                arrow(g, cx - step + r, y - 4, cx - r, y - 4, FORWARD, false);
                boolean boundary = t % k == 0;
                if (!boundary) {
                    arrow(g, cx - r, y + 6, cx - step + r, y + 6, BACKWARD, true);
                } else {
                    g.setColor(BACKWARD);
                    g.setStroke(new BasicStroke(2f));
                    int bx = cx - step / 2;
                    g.drawLine(bx - 5, y + 14, bx + 5, y + 24);
                    g.drawLine(bx + 5, y + 14, bx - 5, y + 24);
                }
            }
        }
        g.setFont(Canvas.font(Font.PLAIN, 13));
        arrow(g, 20, h - 58, 60, h - 58, FORWARD, false);
        label(g, "state h mengalir terus / the state h flows on through every step", 66, h - 54, FORWARD);
        arrow(g, 60, h - 34, 20, h - 34, BACKWARD, true);
        label(g, "gradien hanya di dalam chunk (k = " + k + ") / gradients only inside a chunk", 66, h - 30, BACKWARD);
        g.setColor(BACKWARD);
        g.drawLine(25, h - 17, 35, h - 7);
        g.drawLine(35, h - 17, 25, h - 7);
        label(g, "batas chunk: gradien dipotong / chunk boundary: gradient cut", 66, h - 8, BACKWARD);
        g.dispose();
        return img;
    }

    // ------------------------------------------------------------------------------------------ drawing helpers

    /** A rounded node box with {@code text} in bold, centred in it. */
    private static void node(Graphics2D g, int cx, int cy, int w, int h, Color fill, String text) {
        Canvas.roundBox(g, cx, cy, w, h, 12, fill, FORWARD, 1.4f);
        g.setFont(Canvas.font(Font.BOLD, 16));
        Canvas.centered(g, text, cx, cy + g.getFontMetrics().getAscent() / 2 - 2);
    }

    private static void label(Graphics2D g, String text, int x, int y, Color c) {
        g.setColor(c);
        if (g.getFont().getSize() > 13 || g.getFont().isBold()) {
            g.setFont(Canvas.font(Font.PLAIN, 12));
        }
        Canvas.drawSubscripted(g, text, x, y); // "W_xh" with a real subscript
    }

    private static void arrow(Graphics2D g, int x1, int y1, int x2, int y2, Color c, boolean dashed) {
        g.setColor(c);
        Stroke s = dashed
                ? new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f)
                : new BasicStroke(1.8f);
        g.setStroke(s);
        g.drawLine(x1, y1, x2, y2);
        double a = Math.atan2(y2 - y1, x2 - x1);
        Path2D head = new Path2D.Double();
        head.moveTo(0, 0);
        head.lineTo(-9, -4.5);
        head.lineTo(-9, 4.5);
        head.closePath();
        AffineTransform at = new AffineTransform();
        at.translate(x2, y2);
        at.rotate(a);
        g.setStroke(new BasicStroke(1f));
        g.fill(at.createTransformedShape(head));
    }

    private static String sub(int n) {
        String digits = "₀₁₂₃₄₅₆₇₈₉";
        StringBuilder sb = new StringBuilder();
        for (char ch : Integer.toString(n).toCharArray()) {
            sb.append(digits.charAt(ch - '0'));
        }
        return sb.toString();
    }

    private static String sub(char c) {
        return c == 't' ? "ₜ" : String.valueOf(c);
    }
}
