package kursus.rnn.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Point;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiagramsTest {
    @Test
    void exampleDrawsEachShapeWithItsTokensAndFeedback() throws Exception {
        // oracle per shape: which columns have an x box and a y box
        Object[][] cases = {
            {Diagrams.Kind.ONE_TO_ONE, new String[] {"budi"}, new String[] {"ID"}, new boolean[] {true}, new boolean[] {true}},
            {Diagrams.Kind.ONE_TO_MANY, new String[] {"ID, b"}, new String[] {"b", "u", "d", "i"},
                new boolean[] {true, false, false, false}, new boolean[] {true, true, true, true}},
            {Diagrams.Kind.MANY_TO_ONE, new String[] {"b", "u", "d"}, new String[] {"ID"},
                new boolean[] {true, true, true}, new boolean[] {false, false, true}},
            {Diagrams.Kind.MANY_TO_MANY_ALIGNED, new String[] {"Budi", "di", "Solo"}, new String[] {"B-PER", "O", "B-LOC"},
                new boolean[] {true, true, true}, new boolean[] {true, true, true}},
            {Diagrams.Kind.MANY_TO_MANY, new String[] {"3", "Mei"}, new String[] {"0", "5", "-"},
                new boolean[] {true, true, false, false, false}, new boolean[] {false, false, true, true, true}},
        };
        for (Object[] c : cases) {
            Diagrams.Kind kind = (Diagrams.Kind) c[0];
            String[] in = (String[]) c[1], out = (String[]) c[2];
            boolean[] hasX = (boolean[]) c[3], hasY = (boolean[]) c[4];
            BufferedImage img = roundTrip(Diagrams.example("t", kind, in, out, "caption"));
            assertEquals(hasX.length, Diagrams.exampleColumns(kind, in.length, out.length), kind.toString());
            assertEquals(Diagrams.exampleWidth(hasX.length), img.getWidth(), kind.toString());
            assertEquals(Diagrams.HEIGHT, img.getHeight());
            for (int col = 0; col < hasX.length; col++) {
                int cx = Diagrams.exampleColumnX(col);
                String where = kind + " column " + col;
                // probe the left edge inside each box (the token text sits in the middle)
                Point h = new Point(cx - Diagrams.EX_BOX_W / 2 + 5, Diagrams.H_ROW + Diagrams.EX_BOX_H / 2 - 5);
                Point x = new Point(cx - Diagrams.EX_BOX_W / 2 + 5, Diagrams.X_ROW + Diagrams.EX_BOX_H / 2 - 5);
                Point y = new Point(cx - Diagrams.EX_BOX_W / 2 + 5, Diagrams.Y_ROW + Diagrams.EX_BOX_H / 2 - 5);
                assertEquals(Diagrams.H_FILL, at(img, h), where);
                assertEquals(hasX[col], Diagrams.X_FILL.equals(at(img, x)), where + " x");
                assertEquals(hasY[col], Diagrams.Y_FILL.equals(at(img, y)), where + " y");
            }
        }
    }

    @Test
    void exampleWidensForALongTitleAndCentresItsColumns() throws Exception {
        String title = "One-to-one: kantong huruf → bahasa / bag of letters → language";
        BufferedImage img = roundTrip(Diagrams.example(title, Diagrams.Kind.ONE_TO_ONE, new String[] {"x"}, new String[] {"y"}, "c"));
        int needed = Diagrams.textWidth(title, Canvas.font(java.awt.Font.BOLD, 17));
        assertTrue(img.getWidth() >= needed + 40, img.getWidth() + " < " + needed);
        int left = Diagrams.exampleLeft(img.getWidth(), 1);
        assertTrue(left > 0);
        int cx = left + Diagrams.exampleColumnX(0);
        assertEquals(img.getWidth() / 2, cx, 1.0, "the single column sits in the middle");
        assertEquals(Diagrams.H_FILL, at(img, new Point(cx - Diagrams.EX_BOX_W / 2 + 5, Diagrams.H_ROW + Diagrams.EX_BOX_H / 2 - 5)));
    }

    @Test
    void exampleRejectsCountsThatDoNotFitTheShape() {
        assertThrows(IllegalArgumentException.class,
                () -> Diagrams.example("t", Diagrams.Kind.MANY_TO_MANY_ALIGNED, new String[] {"a", "b"}, new String[] {"O"}, ""));
        assertThrows(IllegalArgumentException.class,
                () -> Diagrams.example("t", Diagrams.Kind.ONE_TO_MANY, new String[] {"a", "b"}, new String[] {"O"}, ""));
        assertThrows(IllegalArgumentException.class,
                () -> Diagrams.example("t", Diagrams.Kind.MANY_TO_MANY, new String[10], new String[10], ""));
    }

    @TempDir
    Path dir;

    /** Writes the image as PNG and reads it back, as a notebook would receive it. */
    private BufferedImage roundTrip(BufferedImage img) throws Exception {
        File f = dir.resolve("diagram.png").toFile();
        assertTrue(ImageIO.write(img, "png", f));
        return ImageIO.read(f);
    }

    private static Color at(BufferedImage img, Point p) {
        return new Color(img.getRGB(p.x, p.y));
    }

    @Test
    void unrolledHasOneColumnOfBoxesPerStepAndTheDocumentedSize() throws Exception {
        BufferedImage img = roundTrip(Diagrams.unrolled("RNN", "bobot sama / same weights",
                new String[] {"h", "e", "l", "l"}, new String[] {"e", "l", "l", "o"}));
        assertEquals(230 + 130 * 4 + 30, img.getWidth());
        assertEquals(Diagrams.HEIGHT, img.getHeight());
        for (int t = 0; t < 4; t++) {
            int cx = Diagrams.columnX(t);
            assertEquals(Diagrams.X_FILL, at(img, Diagrams.probe(cx, Diagrams.X_ROW, Diagrams.BOX_W, Diagrams.BOX_H)), "x box, step " + t);
            assertEquals(Diagrams.H_FILL, at(img, Diagrams.probe(cx, Diagrams.H_ROW, Diagrams.BOX_W, Diagrams.BOX_H)), "h box, step " + t);
            assertEquals(Diagrams.Y_FILL, at(img, Diagrams.probe(cx, Diagrams.Y_ROW, Diagrams.BOX_W, Diagrams.BOX_H)), "y box, step " + t);
        }
    }

    @Test
    void unrolledWidthGrowsWithTheNumberOfSteps() {
        assertEquals(Diagrams.unrolledWidth(1), Diagrams.unrolled(1, "", "").getWidth());
        assertEquals(Diagrams.unrolledWidth(12), Diagrams.unrolled(12, "", "").getWidth());
        assertEquals(130, Diagrams.unrolledWidth(6) - Diagrams.unrolledWidth(5));
    }

    @Test
    void unrolledRejectsBadStepCountsAndMismatchedLabels() {
        assertThrows(IllegalArgumentException.class, () -> Diagrams.unrolled(0, "", ""));
        assertThrows(IllegalArgumentException.class, () -> Diagrams.unrolled(13, "", ""));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Diagrams.unrolled("", "", new String[] {"a", "b"}, new String[] {"a"}));
        assertTrue(e.getMessage().contains("[ID]") && e.getMessage().contains("[EN]"));
    }

    @Test
    void typesDrawInputsAndOutputsOnlyWhereEachShapeHasThem() throws Exception {
        Diagrams.Kind[] kinds = Diagrams.Kind.values();
        Diagrams.Panel[] panels = new Diagrams.Panel[kinds.length];
        for (int i = 0; i < kinds.length; i++) {
            panels[i] = new Diagrams.Panel(kinds[i], kinds[i].name(), "contoh / example");
        }
        BufferedImage img = roundTrip(Diagrams.rnnTypes("Jenis RNN / RNN types", panels));
        assertEquals(250 * kinds.length, img.getWidth());
        assertEquals(Diagrams.HEIGHT, img.getHeight());
        // oracle: the lecture's pictures (inputs bottom, outputs top)
        boolean[][] in = {{true}, {true, false, false}, {true, true, true}, {true, true, true, false, false}, {true, true, true, true}};
        boolean[][] out = {{true}, {true, true, true}, {false, false, true}, {false, false, false, true, true}, {true, true, true, true}};
        int box = Diagrams.TYPE_BOX;
        for (int p = 0; p < kinds.length; p++) {
            int n = in[p].length;
            assertEquals(n, kinds[p].columns());
            for (int c = 0; c < n; c++) {
                int cx = Diagrams.typeColumnX(p, n, c);
                String where = kinds[p] + " column " + c;
                assertEquals(Diagrams.H_FILL, at(img, Diagrams.probe(cx, Diagrams.TYPE_H_ROW, box, box)), where);
                Color x = at(img, Diagrams.probe(cx, Diagrams.TYPE_X_ROW, box, box));
                Color y = at(img, Diagrams.probe(cx, Diagrams.TYPE_Y_ROW, box, box));
                if (in[p][c]) {
                    assertEquals(Diagrams.X_FILL, x, where);
                } else {
                    assertNotEquals(Diagrams.X_FILL, x, where);
                }
                if (out[p][c]) {
                    assertEquals(Diagrams.Y_FILL, y, where);
                } else {
                    assertNotEquals(Diagrams.Y_FILL, y, where);
                }
            }
        }
    }

    @Test
    void fourLectureTypesNeedFourNames() throws Exception {
        BufferedImage img = roundTrip(Diagrams.rnnTypes("", new String[] {"a", "b", "c", "d"}, null));
        assertEquals(1000, img.getWidth());
        assertThrows(IllegalArgumentException.class, () -> Diagrams.rnnTypes("", new String[] {"a", "b"}, null));
    }
}
