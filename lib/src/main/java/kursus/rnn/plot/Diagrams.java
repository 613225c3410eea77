package kursus.rnn.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.geom.Path2D;
import java.awt.geom.QuadCurve2D;
import java.awt.image.BufferedImage;
import kursus.rnn.core.Msg;

/**
 * Explanatory diagrams for the lessons, drawn with Java2D and returned as {@link BufferedImage}
 * (so a notebook cell ending with {@code Diagrams.unrolled(...)} shows the picture).
 *
 * <ul>
 *   <li>{@link #unrolled}: a vanilla RNN folded (one cell with a loop) and unrolled over {@code T}
 *       steps, with {@code x_t}, {@code h_t}, {@code y_t} and the shared weights {@code W_xh},
 *       {@code W_hh}, {@code W_hy} written on every arrow;</li>
 *   <li>{@link #rnnTypes}: the RNN shapes side by side (one-to-one, one-to-many, many-to-one,
 *       many-to-many with different lengths, many-to-many aligned).</li>
 * </ul>
 *
 * All words (title, caption, panel names, examples, tokens) come from the caller, so the caller
 * picks the language; the diagrams themselves only contain symbols. Colours follow the
 * Okabe–Ito palette of {@link Charts}: inputs orange, hidden cells blue, outputs green.
 */
public final class Diagrams {
    /** Height of every diagram in pixels. */
    public static final int HEIGHT = 400;
    /** Width of the folded part (left) of {@link #unrolled}. */
    static final int FOLDED = 230;
    /** Width of one time step in {@link #unrolled}. */
    static final int STEP = 130;
    /** Right margin of {@link #unrolled}. */
    static final int MARGIN = 30;
    /** Width of one panel of {@link #rnnTypes}. */
    public static final int PANEL = 250;
    /** Largest number of steps {@link #unrolled} draws. */
    public static final int MAX_STEPS = 12;

    static final Color X_FILL = new Color(0xFBE3C7);
    static final Color X_LINE = new Color(0xE69F00);
    static final Color H_FILL = new Color(0xCFE3F3);
    static final Color H_LINE = new Color(0x0072B2);
    static final Color Y_FILL = new Color(0xD2EEE2);
    static final Color Y_LINE = new Color(0x009E73);
    static final Color INK = new Color(0x222222);
    static final Color WEIGHT = new Color(0xB0432B);

    // vertical layout of unrolled(): centres of the y, h and x rows
    static final int Y_ROW = 100;
    static final int H_ROW = 205;
    static final int X_ROW = 300;
    static final int BOX_W = 64;
    static final int BOX_H = 40;

    private Diagrams() {}

    /** The shapes of {@link #rnnTypes}: which time columns have an input and which an output. */
    public enum Kind {
        /** One input, one output (a plain feed-forward network): image classification. */
        ONE_TO_ONE(new boolean[] {true}, new boolean[] {true}),
        /** One input, a sequence out: image captioning, music generation from a seed. */
        ONE_TO_MANY(new boolean[] {true, false, false}, new boolean[] {true, true, true}),
        /** A sequence in, one output at the end: sentiment classification. */
        MANY_TO_ONE(new boolean[] {true, true, true}, new boolean[] {false, false, true}),
        /** A sequence in, then a sequence of another length out: machine translation. */
        MANY_TO_MANY(new boolean[] {true, true, true, false, false}, new boolean[] {false, false, false, true, true}),
        /** One output per input (same length): named-entity recognition, tagging. */
        MANY_TO_MANY_ALIGNED(new boolean[] {true, true, true, true}, new boolean[] {true, true, true, true});

        final boolean[] input;
        final boolean[] output;

        Kind(boolean[] input, boolean[] output) {
            this.input = input;
            this.output = output;
        }

        /** Number of time columns drawn for this shape. */
        public int columns() {
            return input.length;
        }
    }

    /** One panel of {@link #rnnTypes}: the shape, its name and an example task (caller's language). */
    public record Panel(Kind kind, String name, String example) {}

    /** Width in pixels of {@link #unrolled} for {@code steps} time steps: {@code 230 + 130·steps + 30}. */
    public static int unrolledWidth(int steps) {
        return FOLDED + STEP * steps + MARGIN;
    }

    /**
     * An RNN folded and unrolled over {@code steps} steps, without token labels.
     *
     * @param steps number of time steps, 1..12
     * @param title text at the top (may be empty)
     * @param caption text at the bottom, e.g. "same weights at every step" (may be empty)
     */
    public static BufferedImage unrolled(int steps, String title, String caption) {
        checkSteps(steps);
        return unrolled(title, caption, new String[steps], new String[steps]);
    }

    /**
     * An RNN folded (left) and unrolled (right) over {@code inputs.length} steps. Each step shows
     * {@code x_t} (with its token below it), the cell {@code h_t}, and {@code y_t} (with its token
     * above it); every arrow carries the name of its weight matrix, the same at every step.
     * Size: {@link #unrolledWidth(int)} × {@link #HEIGHT}.
     *
     * @param inputs token shown under each {@code x_t} (entries may be null; 1..12 entries)
     * @param outputs token shown above each {@code y_t}, or null; same length as {@code inputs}
     */
    public static BufferedImage unrolled(String title, String caption, String[] inputs, String[] outputs) {
        if (inputs == null) {
            throw Msg.badInput("Diagrams.unrolled: inputs bernilai null; berikan satu label (boleh null) per langkah.",
                    "Diagrams.unrolled: inputs is null; give one label (may be null) per step.");
        }
        int T = inputs.length;
        checkSteps(T);
        if (outputs != null && outputs.length != T) {
            throw Msg.badInput("Diagrams.unrolled: outputs punya " + outputs.length + " label, padahal inputs punya " + T + ".",
                    "Diagrams.unrolled: outputs has " + outputs.length + " labels, but inputs has " + T + ".");
        }
        int width = unrolledWidth(T);
        BufferedImage img = new BufferedImage(width, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Canvas.start(img);
        title(g, title, width);

        // folded view: one cell with a loop
        int fx = 95;
        column(g, fx, "t", 6);
        loop(g, fx + BOX_W / 2, H_ROW);
        weight(g, "W", "hh", fx + BOX_W / 2 + 30, H_ROW - 30, false);
        g.setFont(Canvas.font(Font.BOLD, 30));
        g.setColor(INK);
        Canvas.centered(g, "=", FOLDED - 25, H_ROW + 10);

        // unrolled view
        int h0x = FOLDED + 10;
        sub(g, "h", "0", h0x, H_ROW, 16);
        for (int t = 0; t < T; t++) {
            int cx = columnX(t);
            column(g, cx, String.valueOf(t + 1), 5);
            int fromX = t == 0 ? h0x + 16 : columnX(t - 1) + BOX_W / 2;
            arrow(g, fromX, H_ROW, cx - BOX_W / 2, H_ROW);
            weight(g, "W", "hh", (fromX + cx - BOX_W / 2) / 2, H_ROW - 8, true);
            g.setFont(Canvas.font(Font.PLAIN, 15));
            g.setColor(INK);
            if (inputs[t] != null) {
                Canvas.centered(g, quoteToken(inputs[t]), cx, X_ROW + BOX_H / 2 + 24);
            }
            if (outputs != null && outputs[t] != null) {
                Canvas.centered(g, quoteToken(outputs[t]), cx, Y_ROW - BOX_H / 2 - 10);
            }
        }
        caption(g, caption, width);
        g.dispose();
        return img;
    }

    /**
     * One time step of {@link #unrolled} centred on {@code cx}: the boxes {@code y}, {@code h} and
     * {@code x} with subscript {@code t}, and the arrows x → h → y labelled {@code W_xh} and
     * {@code W_hy} ({@code weightDx} pixels right of the arrow).
     */
    private static void column(Graphics2D g, int cx, String t, int weightDx) {
        box(g, cx, Y_ROW, BOX_W, BOX_H, Y_FILL, Y_LINE);
        sub(g, "y", t, cx, Y_ROW, 18);
        box(g, cx, H_ROW, BOX_W, BOX_H, H_FILL, H_LINE);
        sub(g, "h", t, cx, H_ROW, 18);
        box(g, cx, X_ROW, BOX_W, BOX_H, X_FILL, X_LINE);
        sub(g, "x", t, cx, X_ROW, 18);
        arrow(g, cx, X_ROW - BOX_H / 2, cx, H_ROW + BOX_H / 2);
        weight(g, "W", "xh", cx + weightDx, (X_ROW + H_ROW) / 2 + 4, false);
        arrow(g, cx, H_ROW - BOX_H / 2, cx, Y_ROW + BOX_H / 2);
        weight(g, "W", "hy", cx + weightDx, (H_ROW + Y_ROW) / 2 + 4, false);
    }

    /** Centre x of step {@code t} (0-based) in {@link #unrolled}. */
    static int columnX(int t) {
        return FOLDED + 30 + STEP * t + STEP / 2;
    }

    /** A pixel inside the fill (away from borders and text) of the box centred at ({@code cx}, {@code cy}). */
    static Point probe(int cx, int cy, int w, int h) {
        return new Point(cx - w / 2 + 5, cy + h / 2 - 5);
    }

    /** Width in pixels of {@link #rnnTypes} for {@code n} panels: {@code 250·n}. */
    public static int typesWidth(int panels) {
        return PANEL * panels;
    }

    /** The four RNN types of the lecture, with the caller's names and examples, in the usual order. */
    public static BufferedImage rnnTypes(String title, String[] names, String[] examples) {
        Kind[] kinds = {Kind.ONE_TO_ONE, Kind.ONE_TO_MANY, Kind.MANY_TO_ONE, Kind.MANY_TO_MANY};
        if (names == null || names.length != 4 || (examples != null && examples.length != 4)) {
            throw Msg.badInput("Diagrams.rnnTypes: butuh tepat 4 nama (dan 4 contoh atau null): one-to-one, one-to-many, many-to-one, many-to-many.",
                    "Diagrams.rnnTypes: needs exactly 4 names (and 4 examples or null): one-to-one, one-to-many, many-to-one, many-to-many.");
        }
        Panel[] p = new Panel[4];
        for (int i = 0; i < 4; i++) {
            p[i] = new Panel(kinds[i], names[i], examples == null ? null : examples[i]);
        }
        return rnnTypes(title, p);
    }

    /**
     * RNN shapes side by side, one panel each: inputs (orange) at the bottom, the recurrent cells
     * (blue) in the middle joined left to right, outputs (green) at the top. Size:
     * {@link #typesWidth(int)} × {@link #HEIGHT}.
     */
    public static BufferedImage rnnTypes(String title, Panel... panels) {
        if (panels == null || panels.length == 0 || panels.length > 6) {
            throw Msg.badInput("Diagrams.rnnTypes: berikan 1 sampai 6 panel.", "Diagrams.rnnTypes: give 1 to 6 panels.");
        }
        int width = typesWidth(panels.length);
        BufferedImage img = new BufferedImage(width, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Canvas.start(img);
        title(g, title, width);
        for (int p = 0; p < panels.length; p++) {
            Panel panel = panels[p];
            if (panel == null || panel.kind() == null) {
                throw Msg.badInput("Diagrams.rnnTypes: panel " + p + " atau jenisnya bernilai null.",
                        "Diagrams.rnnTypes: panel " + p + " or its kind is null.");
            }
            Kind k = panel.kind();
            int left = p * PANEL;
            if (p > 0) {
                g.setColor(new Color(0xDDDDDD));
                g.setStroke(new BasicStroke(1f));
                g.drawLine(left, 45, left, HEIGHT - 15);
            }
            g.setColor(INK);
            g.setFont(Canvas.font(Font.BOLD, 15));
            Canvas.centered(g, panel.name() == null ? "" : panel.name(), left + PANEL / 2, 68);
            int n = k.columns();
            for (int c = 0; c < n; c++) {
                int cx = typeColumnX(p, n, c);
                box(g, cx, TYPE_H_ROW, TYPE_BOX, TYPE_BOX, H_FILL, H_LINE);
                if (c > 0) {
                    arrow(g, typeColumnX(p, n, c - 1) + TYPE_BOX / 2, TYPE_H_ROW, cx - TYPE_BOX / 2, TYPE_H_ROW);
                }
                if (k.input[c]) {
                    box(g, cx, TYPE_X_ROW, TYPE_BOX, TYPE_BOX, X_FILL, X_LINE);
                    arrow(g, cx, TYPE_X_ROW - TYPE_BOX / 2, cx, TYPE_H_ROW + TYPE_BOX / 2);
                }
                if (k.output[c]) {
                    box(g, cx, TYPE_Y_ROW, TYPE_BOX, TYPE_BOX, Y_FILL, Y_LINE);
                    arrow(g, cx, TYPE_H_ROW - TYPE_BOX / 2, cx, TYPE_Y_ROW + TYPE_BOX / 2);
                }
            }
            if (panel.example() != null) {
                g.setColor(INK);
                g.setFont(Canvas.font(Font.PLAIN, 13));
                String[] lines = panel.example().split("\n");
                for (int i = 0; i < lines.length && i < 3; i++) {
                    Canvas.centered(g, lines[i], left + PANEL / 2, 330 + 18 * i);
                }
            }
        }
        g.dispose();
        return img;
    }

    static final int TYPE_Y_ROW = 120;
    static final int TYPE_H_ROW = 195;
    static final int TYPE_X_ROW = 270;
    static final int TYPE_BOX = 30;

    /** Centre x of column {@code c} of {@code n} in panel {@code p} of {@link #rnnTypes}. */
    static int typeColumnX(int p, int n, int c) {
        int gap = Math.min(60, (PANEL - 30) / n);
        int first = p * PANEL + PANEL / 2 - gap * (n - 1) / 2;
        return first + gap * c;
    }

    /** Width of one column of {@link #example}. */
    static final int EX_COL = 100;
    /** Largest number of columns {@link #example} draws. */
    public static final int MAX_EXAMPLE_COLUMNS = 14;

    /** Width in pixels of {@link #example} with {@code columns} time columns: {@code 80 + 100·columns}. */
    public static int exampleWidth(int columns) {
        return 80 + EX_COL * columns;
    }

    /** Number of time columns {@link #example} draws for a shape with these inputs and outputs. */
    public static int exampleColumns(Kind kind, int inputs, int outputs) {
        return switch (kind) {
            case ONE_TO_ONE -> 1;
            case ONE_TO_MANY -> outputs;
            case MANY_TO_ONE, MANY_TO_MANY_ALIGNED -> inputs;
            case MANY_TO_MANY -> inputs + outputs;
        };
    }

    /**
     * One RNN shape drawn with the tokens of a real example: each input under its {@code x} box, each
     * output over its {@code y} box, the hidden cells joined left to right. Where an output is fed back
     * as the next step's input (one-to-many, and the decoder half of many-to-many) a dashed arrow runs
     * from {@code y_t} to the next cell.
     *
     * <ul>
     *   <li>{@code ONE_TO_ONE}: 1 input, 1 output;</li>
     *   <li>{@code ONE_TO_MANY}: 1 input (first column), one column per output;</li>
     *   <li>{@code MANY_TO_ONE}: one column per input, 1 output at the last;</li>
     *   <li>{@code MANY_TO_MANY_ALIGNED}: as many outputs as inputs, one per column;</li>
     *   <li>{@code MANY_TO_MANY}: the inputs (encoder columns), then the outputs (decoder columns).</li>
     * </ul>
     * Size: {@link #exampleWidth(int)} × {@link #HEIGHT}, wider when the title or caption needs it (the columns are
     * then centred); at most {@link #MAX_EXAMPLE_COLUMNS} columns.
     */
    public static BufferedImage example(String title, Kind kind, String[] inputs, String[] outputs, String caption) {
        if (kind == null || inputs == null || outputs == null) {
            throw Msg.badInput("Diagrams.example: kind, inputs dan outputs tidak boleh null.",
                    "Diagrams.example: kind, inputs and outputs must not be null.");
        }
        int nIn = inputs.length, nOut = outputs.length;
        boolean ok = switch (kind) {
            case ONE_TO_ONE -> nIn == 1 && nOut == 1;
            case ONE_TO_MANY -> nIn == 1 && nOut >= 1;
            case MANY_TO_ONE -> nIn >= 1 && nOut == 1;
            case MANY_TO_MANY_ALIGNED -> nIn >= 1 && nOut == nIn;
            case MANY_TO_MANY -> nIn >= 1 && nOut >= 1;
        };
        int cols = exampleColumns(kind, nIn, nOut);
        if (!ok || cols > MAX_EXAMPLE_COLUMNS) {
            throw Msg.badInput("Diagrams.example: " + nIn + " masukan dan " + nOut + " keluaran tidak cocok dengan " + kind
                            + " (one-to-one 1/1, one-to-many 1/n, many-to-one n/1, aligned n/n; paling banyak " + MAX_EXAMPLE_COLUMNS + " kolom).",
                    "Diagrams.example: " + nIn + " inputs and " + nOut + " outputs do not fit " + kind
                            + " (one-to-one 1/1, one-to-many 1/n, many-to-one n/1, aligned n/n; at most " + MAX_EXAMPLE_COLUMNS + " columns).");
        }
        // wider than the columns when the title or caption needs it; the columns are then centred
        int width = Math.max(exampleWidth(cols), Math.max(textWidth(title, Canvas.font(Font.BOLD, 17)),
                textWidth(caption, Canvas.font(Font.ITALIC, 14))) + 40);
        int left = exampleLeft(width, cols);
        BufferedImage img = new BufferedImage(width, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Canvas.start(img);
        title(g, title, width);
        for (int c = 0; c < cols; c++) {
            int cx = left + exampleColumnX(c);
            String in = exampleInput(kind, inputs, c);
            String out = exampleOutput(kind, outputs, nIn, cols, c);
            box(g, cx, H_ROW, EX_BOX_W, EX_BOX_H, H_FILL, H_LINE);
            if (c > 0) {
                arrow(g, cx - EX_COL + EX_BOX_W / 2, H_ROW, cx - EX_BOX_W / 2, H_ROW);
            }
            g.setFont(Canvas.font(Font.PLAIN, 14));
            if (in != null) {
                box(g, cx, X_ROW, EX_BOX_W, EX_BOX_H, X_FILL, X_LINE);
                arrow(g, cx, X_ROW - EX_BOX_H / 2, cx, H_ROW + EX_BOX_H / 2);
                g.setColor(INK);
                Canvas.centered(g, in, cx, X_ROW + 5);
            }
            if (out != null) {
                box(g, cx, Y_ROW, EX_BOX_W, EX_BOX_H, Y_FILL, Y_LINE);
                arrow(g, cx, H_ROW - EX_BOX_H / 2, cx, Y_ROW + EX_BOX_H / 2);
                g.setColor(INK);
                Canvas.centered(g, out, cx, Y_ROW + 5);
                if (feedsBack(kind, nIn, c) && c + 1 < cols) {
                    feedback(g, cx + EX_BOX_W / 2, Y_ROW, cx + EX_COL - EX_BOX_W / 2 + 6, H_ROW - EX_BOX_H / 2);
                }
            }
        }
        caption(g, caption, width);
        g.dispose();
        return img;
    }

    /** Width in pixels of {@code s} in {@code font} (0 for null or empty). */
    static int textWidth(String s, Font font) {
        if (s == null || s.isEmpty()) {
            return 0;
        }
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        int w = g.getFontMetrics(font).stringWidth(s);
        g.dispose();
        return w;
    }

    /** Left offset of the columns of {@link #example} in an image {@code width} pixels wide. */
    static int exampleLeft(int width, int columns) {
        return (width - exampleWidth(columns)) / 2;
    }

    static final int EX_BOX_W = 84;
    static final int EX_BOX_H = 36;

    /** Centre x of column {@code c} of {@link #example}. */
    static int exampleColumnX(int c) {
        return 40 + EX_COL * c + EX_COL / 2;
    }

    private static String exampleInput(Kind kind, String[] inputs, int c) {
        return switch (kind) {
            case ONE_TO_ONE, ONE_TO_MANY -> c == 0 ? label(inputs[0]) : null;
            case MANY_TO_ONE, MANY_TO_MANY_ALIGNED -> label(inputs[c]);
            case MANY_TO_MANY -> c < inputs.length ? label(inputs[c]) : null;
        };
    }

    private static String exampleOutput(Kind kind, String[] outputs, int nIn, int cols, int c) {
        return switch (kind) {
            case ONE_TO_ONE, ONE_TO_MANY, MANY_TO_MANY_ALIGNED -> label(outputs[c]);
            case MANY_TO_ONE -> c == cols - 1 ? label(outputs[0]) : null;
            case MANY_TO_MANY -> c >= nIn ? label(outputs[c - nIn]) : null;
        };
    }

    private static boolean feedsBack(Kind kind, int nIn, int c) {
        return kind == Kind.ONE_TO_MANY || (kind == Kind.MANY_TO_MANY && c >= nIn);
    }

    private static String label(String s) {
        return s == null ? "" : s;
    }

    /** A dashed arrow from an output to the next cell: the output is fed back as the next input. */
    private static void feedback(Graphics2D g, int x1, int y1, int x2, int y2) {
        g.setColor(WEIGHT);
        g.setStroke(new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        QuadCurve2D c = new QuadCurve2D.Double(x1, y1, x2 + 10, y1, x2, y2 - 2);
        g.draw(c);
        double a = Math.atan2(8, -2);
        Path2D head = new Path2D.Double();
        head.moveTo(x2, y2);
        head.lineTo(x2 - 9 * Math.cos(a - 0.4), y2 - 9 * Math.sin(a - 0.4));
        head.lineTo(x2 - 9 * Math.cos(a + 0.4), y2 - 9 * Math.sin(a + 0.4));
        head.closePath();
        g.fill(head);
    }

    // ------------------------------------------------------------------ drawing helpers

    private static void checkSteps(int steps) {
        if (steps < 1 || steps > MAX_STEPS) {
            throw Msg.badInput("Diagrams.unrolled: jumlah langkah harus 1.." + MAX_STEPS + ", ternyata " + steps + ".",
                    "Diagrams.unrolled: the number of steps must be 1.." + MAX_STEPS + ", got " + steps + ".");
        }
    }

    private static void title(Graphics2D g, String title, int width) {
        if (title != null && !title.isEmpty()) {
            g.setColor(INK);
            g.setFont(Canvas.font(Font.BOLD, 17));
            Canvas.centered(g, title, width / 2, 28);
        }
    }

    private static void caption(Graphics2D g, String caption, int width) {
        if (caption != null && !caption.isEmpty()) {
            g.setColor(INK);
            g.setFont(Canvas.font(Font.ITALIC, 14));
            Canvas.centered(g, caption, width / 2, HEIGHT - 14);
        }
    }

    private static String quoteToken(String s) {
        return "\"" + s + "\"";
    }

    private static void box(Graphics2D g, int cx, int cy, int w, int h, Color fill, Color line) {
        Canvas.roundBox(g, cx, cy, w, h, 10, fill, line, 2f);
    }

    /** Draws {@code base} with subscript {@code subscript}, centred on ({@code cx}, {@code cy}). */
    private static void sub(Graphics2D g, String base, String subscript, int cx, int cy, int size) {
        Font big = Canvas.font(Font.ITALIC, size);
        Font small = Canvas.font(Font.PLAIN, (int) Math.round(size * 0.65));
        int wb = g.getFontMetrics(big).stringWidth(base);
        int ws = g.getFontMetrics(small).stringWidth(subscript);
        int x = cx - (wb + ws) / 2;
        int base_y = cy + size / 3;
        g.setColor(INK);
        g.setFont(big);
        g.drawString(base, x, base_y);
        g.setFont(small);
        g.drawString(subscript, x + wb, base_y + size / 4);
    }

    /** A weight label like W_xh in the weight colour; {@code centre} centres it on x, else starts at x. */
    private static void weight(Graphics2D g, String base, String subscript, int x, int y, boolean centre) {
        Font big = Canvas.font(Font.BOLD, 13);
        Font small = Canvas.font(Font.BOLD, 9);
        int wb = g.getFontMetrics(big).stringWidth(base);
        int ws = g.getFontMetrics(small).stringWidth(subscript);
        int x0 = centre ? x - (wb + ws) / 2 : x;
        g.setColor(WEIGHT);
        g.setFont(big);
        g.drawString(base, x0, y);
        g.setFont(small);
        g.drawString(subscript, x0 + wb, y + 4);
    }

    private static void arrow(Graphics2D g, int x1, int y1, int x2, int y2) {
        g.setColor(INK);
        g.setStroke(new BasicStroke(1.8f));
        g.drawLine(x1, y1, x2, y2);
        double a = Math.atan2(y2 - y1, x2 - x1);
        Path2D head = new Path2D.Double();
        head.moveTo(x2, y2);
        head.lineTo(x2 - 9 * Math.cos(a - 0.4), y2 - 9 * Math.sin(a - 0.4));
        head.lineTo(x2 - 9 * Math.cos(a + 0.4), y2 - 9 * Math.sin(a + 0.4));
        head.closePath();
        g.fill(head);
    }

    /** The recurrent loop of the folded cell: out of the right side, round, and back in at the top. */
    private static void loop(Graphics2D g, int rightX, int cy) {
        g.setColor(INK);
        g.setStroke(new BasicStroke(1.8f));
        int topX = rightX - 14;
        int topY = cy - BOX_H / 2;
        QuadCurve2D c = new QuadCurve2D.Double(rightX, cy, rightX + 55, cy - 55, topX, topY - 2);
        g.draw(c);
        arrow(g, topX + 3, topY - 8, topX, topY - 1);
    }
}
