package kursus.rnn.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import kursus.rnn.core.Msg;

/**
 * A picture of a padded, masked batch for a many-to-one model (lesson 09): one row per sentence,
 * one column per time step. Real tokens are blue boxes (mask 1), padding is grey (mask 0), the
 * mask value is written under each box, and each sentence's last real token is framed in orange:
 * that is where the model reads its hidden state. Arrows show the state going from step to step;
 * across padding it is carried unchanged (dashed).
 */
public final class PaddingDiagram {
    private PaddingDiagram() {}

    /** Width of one time-step column in pixels. */
    static final int COL = 92;
    /** Height of one sentence row in pixels. */
    static final int ROW = 58;
    /** Left margin (row labels). */
    static final int LEFT = 70;
    /** Top margin (column labels). */
    static final int TOP = 44;
    static final int BOX_W = 76;
    static final int BOX_H = 30;
    static final Color REAL = new Color(0xDCEBFA);
    static final Color REAL_LINE = new Color(0x3A6EA5);
    static final Color PAD = new Color(0xE6E6E6);
    static final Color PAD_LINE = new Color(0x9A9A9A);
    static final Color LAST = new Color(0xE07B00);

    /** Centre x of column {@code t}. */
    static int cx(int t) {
        return LEFT + COL / 2 + t * COL;
    }

    /** Centre y of the box of row {@code b}. */
    static int cy(int b) {
        return TOP + ROW / 2 - 6 + b * ROW;
    }

    /**
     * Draws the batch of already tokenized {@code sentences}, right-padded with {@code "<pad>"} to the
     * longest one.
     */
    public static BufferedImage batch(List<List<String>> sentences) {
        if (sentences == null || sentences.isEmpty() || sentences.stream().anyMatch(s -> s == null || s.isEmpty())) {
            throw Msg.badInput("PaddingDiagram: beri minimal satu kalimat, dan setiap kalimat minimal satu token",
                    "PaddingDiagram: give at least one sentence, each with at least one token");
        }
        int T = sentences.stream().mapToInt(List::size).max().getAsInt();
        int B = sentences.size();
        int width = LEFT + T * COL + 20;
        int height = TOP + B * ROW + 78;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Canvas.start(img);
        g.setColor(Color.DARK_GRAY);
        g.setFont(Canvas.font(Font.BOLD, 13));
        for (int t = 0; t < T; t++) {
            Canvas.centered(g, "t = " + (t + 1), cx(t), TOP - 14);
        }
        for (int b = 0; b < B; b++) {
            List<String> s = sentences.get(b);
            int y = cy(b);
            g.setColor(Color.DARK_GRAY);
            g.setFont(Canvas.font(Font.BOLD, 13));
            g.drawString("#" + (b + 1), 14, y + 5);
            for (int t = 0; t < T; t++) {
                boolean real = t < s.size();
                boolean last = t == s.size() - 1;
                if (t > 0) {
                    arrow(g, cx(t - 1) + BOX_W / 2, cx(t) - BOX_W / 2, y, real);
                }
                Canvas.roundBox(g, cx(t), y, BOX_W, BOX_H, 10, real ? REAL : PAD, last ? LAST : real ? REAL_LINE : PAD_LINE,
                        last ? 3.5f : 1.2f);
                g.setColor(real ? Color.BLACK : PAD_LINE);
                g.setFont(Canvas.font(real ? Font.PLAIN : Font.ITALIC, 13));
                Canvas.centered(g, real ? shorten(s.get(t)) : "<pad>", cx(t), y + 5);
                g.setColor(real ? REAL_LINE : PAD_LINE);
                g.setFont(Canvas.font(Font.PLAIN, 11));
                Canvas.centered(g, "mask " + (real ? 1 : 0), cx(t), y + BOX_H / 2 + 13);
            }
        }
        int ly = TOP + B * ROW + 12;
        legend(g, 14, ly, REAL, REAL_LINE, 1.2f, "token asli, mask 1 / real token, mask 1");
        legend(g, 14, ly + 22, PAD, PAD_LINE, 1.2f, "padding, mask 0: state dibawa tanpa diubah / state carried unchanged");
        legend(g, 14, ly + 44, REAL, LAST, 3.5f, "token asli terakhir: h dibaca di sini / last real token: h is read here");
        g.dispose();
        return img;
    }

    private static String shorten(String token) {
        return token.length() <= 10 ? token : token.substring(0, 9) + "…";
    }

    private static void arrow(Graphics2D g, int x0, int x1, int y, boolean solid) {
        g.setColor(solid ? REAL_LINE : PAD_LINE);
        g.setStroke(solid ? new BasicStroke(1.6f) : new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {4f, 3f}, 0f));
        g.drawLine(x0 + 1, y, x1 - 4, y);
        g.setStroke(new BasicStroke(1.6f));
        g.fillPolygon(new int[] {x1 - 1, x1 - 7, x1 - 7}, new int[] {y, y - 4, y + 4}, 3);
    }

    private static void legend(Graphics2D g, int x, int y, Color fill, Color line, float stroke, String text) {
        Canvas.roundBox(g, x + 14, y, 24, 14, 6, fill, line, stroke);
        g.setColor(Color.DARK_GRAY);
        g.setFont(Canvas.font(Font.PLAIN, 12));
        g.drawString(text, x + 34, y + 5);
    }
}
