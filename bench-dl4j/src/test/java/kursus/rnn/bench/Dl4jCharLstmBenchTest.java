package kursus.rnn.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Smoke tests of the DL4J peer (module built only with -Pdl4j-bench). */
class Dl4jCharLstmBenchTest {

    static double field(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": ([-0-9.eE]+)").matcher(json);
        assertTrue(m.find(), "no " + key + " in " + json);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void firstLossIsLnVocabularyAndTheLossFalls() throws Exception {
        String json = Dl4jCharLstmBench.run("--hidden", "32", "--seq", "16", "--batch", "8", "--steps", "60", "--seed", "1");
        assertEquals(Math.log(76), field(json, "first_loss"), 0.05, json); // mean nats per char at init
        assertTrue(field(json, "final_loss") < field(json, "first_loss") - 0.5, json);
        assertEquals(60, (int) field(json, "steps"));
        // same seed, same run (the bench re-draws DL4J's non-reproducible init from a seeded generator)
        String again = Dl4jCharLstmBench.run("--hidden", "32", "--seq", "16", "--batch", "8", "--steps", "60", "--seed", "1");
        assertEquals(field(json, "final_loss"), field(again, "final_loss"), 0.0);
    }

    @Test
    void onlyLstm() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Dl4jCharLstmBench.run("--cell", "gru", "--steps", "1"));
        assertTrue(e.getMessage().contains("[ID]") && e.getMessage().contains("[EN]"), e.getMessage());
    }

    @Test
    void tbpttGradientsWithCarriedStateDifferFromTheChunkLoss() {
        // pins the DL4J 1.0.0-M2.1 behaviour documented in lib/BENCHMARKS.md ("DL4J peer"): if a DL4J upgrade
        // fixes it, this fails and the documentation must be updated
        Dl4jTbpttGradientCheck.Result r = Dl4jTbpttGradientCheck.check(1);
        assertTrue(r.maxChunk1() < 1e-7, "zero initial state: DL4J = finite differences, got " + r.maxChunk1());
        assertTrue(r.maxChunk2ReadOut() < 1e-7, "read-out layer, carried state: got " + r.maxChunk2ReadOut());
        assertTrue(r.maxChunk2() > 1e-3, "LSTM gradients with carried state now match: " + r.maxChunk2());
    }
}
