package kursus.rnn.latihan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import kursus.rnn.latihan.Latihan11.Mistake;
import org.junit.jupiter.api.Test;

/** Latihan 11 (the summary quiz): the right answers pass, every wrong option is explained without giving the answer away. */
class Latihan11Test {
    static final String RIGHT = "C A D B A C D B C A";

    static String with(int question, char letter) {
        char[] a = RIGHT.replace(" ", "").toCharArray();
        a[question] = letter;
        return new String(a);
    }

    @Test
    void rightAnswersPassInAnyLayout() {
        for (String s : new String[] {RIGHT, "CADBACDBCA", "c,a,d,b,a,c,d,b,c,a"}) {
            Verdict<Mistake> v = Latihan11.evaluateQuiz(() -> s);
            assertTrue(v.passed(), v.message());
            assertEquals(Mistake.NONE, v.mistake());
            assertTrue(v.message().contains("[ID]") && v.message().contains("[EN]"));
        }
    }

    @Test
    void everyWrongOptionNamesItsMisconceptionWithoutTheRightOption() {
        Set<Mistake> seen = EnumSet.noneOf(Mistake.class);
        for (int i = 0; i < Latihan11.questionCount(); i++) {
            Latihan11.Question q = Latihan11.QUESTIONS.get(i);
            for (char c = 'A'; c <= 'D'; c++) {
                if (c == q.answer()) {
                    continue;
                }
                Verdict<Mistake> v = Latihan11.evaluateQuiz(answers(i, c));
                assertFalse(v.passed(), "question " + (i + 1) + " option " + c);
                assertEquals(q.mistakes()[c - 'A'], v.mistake(), "question " + (i + 1) + " option " + c);
                assertTrue(v.message().contains("Soal " + (i + 1) + " (" + c + ")"), v.message());
                assertTrue(v.message().contains("Question " + (i + 1) + " (" + c + ")"), v.message());
                assertTrue(v.message().contains("9 dari 10") && v.message().contains("9 of 10"), v.message());
                int k = q.answer() - 'A';
                assertFalse(v.message().contains(q.optionsId()[k]) || v.message().contains(q.optionsEn()[k]),
                        "the message gives the right option away:\n" + v.message());
                seen.add(v.mistake());
            }
        }
        // every misconception of the enum is reachable from some option
        Set<Mistake> general = EnumSet.of(Mistake.NONE, Mistake.EXCEPTION, Mistake.NULL_RESULT, Mistake.WRONG_FORMAT,
                Mistake.NOT_ANSWERED, Mistake.UNKNOWN);
        for (Mistake m : Mistake.values()) {
            assertTrue(general.contains(m) || seen.contains(m), m + " is never used");
        }
    }

    static Latihan11.Answers answers(int question, char letter) {
        String s = with(question, letter);
        return () -> s;
    }

    @Test
    void severalWrongAnswersAreAllListedAndTheFirstNamesTheMistake() {
        // question 1 answered A (no recurrence), question 6 answered A (forget gate inverted)
        Verdict<Mistake> v = Latihan11.evaluateQuiz(() -> "AADBAADBCA");
        assertFalse(v.passed());
        assertEquals(Mistake.NO_RECURRENCE, v.mistake());
        assertTrue(v.message().contains("8 dari 10") && v.message().contains("8 of 10"), v.message());
        assertTrue(v.message().contains("Question 6 (A)"), v.message());
    }

    @Test
    void openQuestionsAndBadFormatsAreNamed() {
        Verdict<Mistake> open = Latihan11.evaluateQuiz(() -> "CADB?CDBC-");
        assertEquals(Mistake.NOT_ANSWERED, open.mistake());
        assertTrue(open.message().contains("[5, 10]"), open.message());
        assertEquals(Mistake.WRONG_FORMAT, Latihan11.evaluateQuiz(() -> "CADB").mistake());
        assertEquals(Mistake.WRONG_FORMAT, Latihan11.evaluateQuiz(() -> "CADBACDBCE").mistake());
        assertEquals(Mistake.NULL_RESULT, Latihan11.evaluateQuiz(() -> null).mistake());
        assertEquals(Mistake.NULL_RESULT, Latihan11.evaluateQuiz(null).mistake());
        assertEquals(Mistake.EXCEPTION, Latihan11.evaluateQuiz(() -> {
            throw new IllegalStateException("not yet");
        }).mistake());
    }

    @Test
    void checkThrowsWithTheParsableFirstLine() {
        ExerciseFailedException e = assertThrows(ExerciseFailedException.class, () -> Latihan11.checkQuiz(() -> with(2, 'A')));
        assertTrue(e.getMessage().startsWith("Latihan 11.1: LEARNING_RATE_BLAME"), e.getMessage());
        Latihan11.checkQuiz(() -> RIGHT); // does not throw
    }

    @Test
    void quizTextHasEveryQuestionInBothLanguages() {
        String t = Latihan11.quizText();
        for (int i = 1; i <= Latihan11.questionCount(); i++) {
            assertTrue(t.contains(i + ". [ID] "), "question " + i);
        }
        assertEquals(Latihan11.questionCount(), t.split("\\[EN\\]", -1).length - 1);
        assertEquals(10, Latihan11.questionCount());
    }
}
