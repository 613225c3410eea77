package kursus.rnn.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;

/**
 * Drawings of one LSTM step and one GRU step (lessons 05, 06), with the library's symbols: the
 * gate boxes (σ or tanh) fed by {@code [h_{t-1}, x_t]}, the element-wise operations (⊗, ⊕, 1−) and
 * the memory path drawn thick and coloured — the LSTM's cell state {@code c}, the GRU's {@code h}.
 * Labels are bilingual or symbols only.
 */
public final class CellDiagrams {
    private CellDiagrams() {}

    static final int W = 800;
    static final int H = 430;
    private static final Color INK = new Color(0x222222);
    /** Colour of the memory path (the "highway"). */
    public static final Color HIGHWAY = new Color(0xD55E00);
    private static final Color SIGMOID = new Color(0xE8F1FA);
    private static final Color TANH = new Color(0xFFF4D6);
    private static final Color OP = new Color(0xFFFFFF);
    private static final Color CELL = new Color(0xF4F4F4);

    /**
     * One LSTM step: {@code c_{t-1} → ⊗ f_t → ⊕ i_t∘c̃_t → c_t} along the top (the highway), the
     * four gate layers f, i, c̃, o fed by {@code [h_{t-1}, x_t]}, and {@code h_t = o_t ∘ tanh(c_t)}.
     */
    public static BufferedImage lstm() {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Canvas.start(img);
        title(g, "Satu langkah LSTM / one LSTM step");
        Canvas.roundBox(g, 400, 215, 520, 290, 24, CELL, new Color(0x999999), 1.2f);
        int top = 105, bus = 335, gates = 262;
        int xF = 230, xI = 320, xC = 410, xO = 520, xMulIC = 365, xTanh = 610;
        // the highway: c_{t-1} -> x f -> + -> c_t
        line(g, 60, top, xF - 14, top, HIGHWAY, 4f);
        op(g, xF, top, "×");
        line(g, xF + 14, top, xMulIC - 14, top, HIGHWAY, 4f);
        op(g, xMulIC, top, "+");
        arrow(g, xMulIC + 14, top, 740, top, HIGHWAY, 4f);
        text(g, "cₜ₋₁", 28, top - 12, HIGHWAY, true);
        text(g, "c_t", 748, top + 5, HIGHWAY, true);
        // the input bus [h_{t-1}, x_t]
        line(g, 60, bus, xO, bus, INK, 1.8f);
        text(g, "hₜ₋₁", 22, bus + 5, INK, true);
        arrow(g, 160, 392, 160, bus + 2, INK, 1.8f);
        text(g, "x_t", 170, 392, INK, true);
        text(g, "[hₜ₋₁, xₜ]", 260, bus + 22, INK, false);
        // gate layers
        String[] names = {"f_t", "i_t", "c̃_t", "o_t"};
        String[] kinds = {"σ", "σ", "tanh", "σ"};
        String[] rolesId = {"lupa", "masukan", "kandidat", "keluaran"};
        String[] rolesEn = {"forget", "input", "candidate", "output"};
        int[] xs = {xF, xI, xC, xO};
        for (int k = 0; k < 4; k++) {
            line(g, xs[k], bus, xs[k], gates + 18, INK, 1.8f);
            box(g, xs[k], gates, kinds[k], k == 2 ? TANH : SIGMOID);
            text(g, names[k], xs[k] + 28, gates - 20, INK, true);
            small(g, rolesId[k], xs[k], gates + 32);
            small(g, rolesEn[k], xs[k], gates + 45);
        }
        // f -> x on the highway
        arrow(g, xF, gates - 18, xF, top + 14, INK, 1.8f);
        // i, c~ -> x -> +
        int yMul = 175;
        line(g, xI, gates - 18, xI, yMul, INK, 1.8f);
        arrow(g, xI, yMul, xMulIC - 14, yMul, INK, 1.8f);
        line(g, xC, gates - 18, xC, yMul, INK, 1.8f);
        arrow(g, xC, yMul, xMulIC + 14, yMul, INK, 1.8f);
        op(g, xMulIC, yMul, "×");
        arrow(g, xMulIC, yMul - 14, xMulIC, top + 14, INK, 1.8f);
        // c_t -> tanh -> x o_t -> h_t
        line(g, xTanh, top, xTanh, 150, HIGHWAY, 2f);
        box(g, xTanh, 168, "tanh", TANH);
        arrow(g, xTanh, 186, xTanh, gates - 14, INK, 1.8f);
        arrow(g, xO + 26, gates, xTanh - 14, gates, INK, 1.8f);
        op(g, xTanh, gates, "×");
        arrow(g, xTanh + 14, gates, 740, gates, INK, 2.4f);
        text(g, "h_t", 748, gates + 5, INK, true);
        arrow(g, 690, gates, 690, 52, INK, 1.8f);
        small(g, "keluaran / output hₜ", 690, 44);
        legend(g, "jalur state sel c: hanya × dan + / cell-state path c: only × and +");
        g.dispose();
        return img;
    }

    /**
     * One GRU step (the lecture's form): {@code h_{t-1} → ⊗ z_t → ⊕ (1 − z_t)∘h̃_t → h_t} along the top,
     * the reset gate applied to {@code h_{t-1}} before the candidate's product.
     */
    public static BufferedImage gru() {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Canvas.start(img);
        title(g, "Satu langkah GRU / one GRU step");
        Canvas.roundBox(g, 400, 215, 520, 290, 24, CELL, new Color(0x999999), 1.2f);
        int top = 105, bus = 335, gates = 262;
        int xR = 220, xZ = 330, xMulZ = 330, xPlus = 560, xCand = 560, xMulR = 445;
        // memory path h_{t-1} -> x z -> + -> h_t
        line(g, 60, top, xMulZ - 14, top, HIGHWAY, 4f);
        op(g, xMulZ, top, "×");
        line(g, xMulZ + 14, top, xPlus - 14, top, HIGHWAY, 4f);
        op(g, xPlus, top, "+");
        arrow(g, xPlus + 14, top, 740, top, HIGHWAY, 4f);
        text(g, "hₜ₋₁", 22, top - 12, HIGHWAY, true);
        text(g, "h_t", 748, top + 5, HIGHWAY, true);
        // input bus [h_{t-1}, x_t] for the gates
        line(g, 60, bus, xZ, bus, INK, 1.8f);
        line(g, 60, top, 60, bus, HIGHWAY, 2f);
        arrow(g, 150, 392, 150, bus + 2, INK, 1.8f);
        text(g, "x_t", 160, 392, INK, true);
        text(g, "[hₜ₋₁, xₜ]", 170, bus + 22, INK, false);
        // gates
        line(g, xR, bus, xR, gates + 18, INK, 1.8f);
        box(g, xR, gates, "σ", SIGMOID);
        text(g, "r_t", xR + 28, gates - 20, INK, true);
        small(g, "reset", xR, gates + 32);
        line(g, xZ, bus, xZ, gates + 18, INK, 1.8f);
        box(g, xZ, gates, "σ", SIGMOID);
        text(g, "z_t", xZ + 28, gates - 20, INK, true);
        small(g, "pembaruan", xZ, gates + 32);
        small(g, "update", xZ, gates + 45);
        arrow(g, xZ, gates - 18, xZ, top + 14, INK, 1.8f);
        // r ∘ h_{t-1}, then the candidate
        arrow(g, xR, gates - 18, xR, 190 + 14, INK, 1.8f);
        op(g, xR, 190, "×");
        line(g, 120, top, 120, 190, HIGHWAY, 2f);
        arrow(g, 120, 190, xR - 14, 190, HIGHWAY, 2f);
        line(g, xR + 14, 190, xMulR - 20, 190, INK, 1.8f);
        text(g, "rₜ∘hₜ₋₁", xR + 24, 182, INK, false);
        // x_t also feeds the candidate
        line(g, 150, bus, 150, 372, INK, 1.2f);
        line(g, 150, 372, xCand, 372, INK, 1.2f);
        arrow(g, xCand, 372, xCand, gates + 18, INK, 1.8f);
        line(g, xMulR - 20, 190, xMulR - 20, gates, INK, 1.8f);
        arrow(g, xMulR - 20, gates, xCand - 28, gates, INK, 1.8f);
        box(g, xCand, gates, "tanh", TANH);
        text(g, "h̃_t", xCand + 30, gates - 20, INK, true);
        small(g, "kandidat", xCand, gates + 32);
        small(g, "candidate", xCand, gates + 45);
        // 1 - z  times h~ -> +
        int yMul = 175;
        op(g, xCand, yMul, "×");
        arrow(g, xCand, gates - 18, xCand, yMul + 14, INK, 1.8f);
        arrow(g, xCand, yMul - 14, xPlus, top + 14, INK, 1.8f);
        line(g, xZ, 150, xMulR, 150, INK, 1.4f);
        op(g, xMulR, 150, "1−");
        line(g, xMulR + 14, 150, 520, 150, INK, 1.4f);
        arrow(g, 520, 150, xCand - 12, yMul - 8, INK, 1.4f);
        legend(g, "jalur memori / memory path: hₜ = zₜ∘hₜ₋₁ + (1 − zₜ)∘h̃ₜ");
        g.dispose();
        return img;
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static void title(Graphics2D g, String s) {
        g.setColor(INK);
        g.setFont(Canvas.font(Font.BOLD, 16));
        Canvas.centered(g, s, W / 2, 26);
    }

    private static void legend(Graphics2D g, String s) {
        line(g, 230, H - 14, 270, H - 14, HIGHWAY, 4f);
        g.setColor(INK);
        g.setFont(Canvas.font(Font.PLAIN, 12));
        g.drawString(s, 278, H - 10);
    }

    private static void box(Graphics2D g, int cx, int cy, String s, Color fill) {
        Canvas.roundBox(g, cx, cy, 52, 36, 10, fill, INK, 1.4f);
        g.setColor(INK);
        g.setFont(Canvas.font(Font.BOLD, 15));
        Canvas.centered(g, s, cx, cy + 6);
    }

    private static void op(Graphics2D g, int cx, int cy, String s) {
        g.setColor(OP);
        g.fillOval(cx - 14, cy - 14, 28, 28);
        g.setColor(INK);
        g.setStroke(new BasicStroke(1.6f));
        g.drawOval(cx - 14, cy - 14, 28, 28);
        g.setFont(Canvas.font(Font.BOLD, s.length() > 1 ? 12 : 17));
        Canvas.centered(g, s, cx, cy + 6);
    }

    private static void text(Graphics2D g, String s, int x, int baseline, Color c, boolean bold) {
        g.setColor(c);
        g.setFont(Canvas.font(bold ? Font.BOLD : Font.PLAIN, bold ? 15 : 12));
        Canvas.drawSubscripted(g, s, x, baseline);
    }

    private static void small(Graphics2D g, String s, int cx, int baseline) {
        g.setColor(new Color(0x555555));
        g.setFont(Canvas.font(Font.PLAIN, 11));
        Canvas.centered(g, s, cx, baseline);
    }

    private static void line(Graphics2D g, int x1, int y1, int x2, int y2, Color c, float w) {
        g.setColor(c);
        g.setStroke(new BasicStroke(w));
        g.drawLine(x1, y1, x2, y2);
    }

    private static void arrow(Graphics2D g, int x1, int y1, int x2, int y2, Color c, float w) {
        line(g, x1, y1, x2, y2, c, w);
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
}
