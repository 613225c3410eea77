package kursus.rnn.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CourseworkTest {
    @Test
    void unsetMavenPropertiesAreDropped() {
        assertEquals(List.of("grade", "--submissions", "subs", "--out", "o"),
                Coursework.scriptArguments(List.of("grade", "--submissions", "subs", "--out", "o", "--jobs", "0",
                        "--timeout", "")));
    }

    @Test
    void forceIsAFlagPassedOnlyWhenTrue() {
        assertEquals(List.of("student", "--out", "o", "--force"),
                Coursework.scriptArguments(List.of("student", "--out", "o", "--force", "true")));
        assertEquals(List.of("student", "--out", "o"),
                Coursework.scriptArguments(List.of("student", "--out", "o", "--force", "false")));
    }
}
