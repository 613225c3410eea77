package kursus.rnn.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BrowserTestTest {
    @Test
    void aCommandNameIsResolvedToAnAbsolutePathOnPath() {
        // puppeteer's executablePath must be a path: "chromium" alone failed the browser step
        String sh = BrowserTest.absolute("sh");
        assertTrue(sh != null && Path.of(sh).isAbsolute() && Files.isExecutable(Path.of(sh)), String.valueOf(sh));
    }

    @Test
    void aMissingCommandIsNull() {
        assertNull(BrowserTest.absolute("no-such-browser-kursus"));
        assertNull(BrowserTest.absolute("/no/such/chromium"));
    }

    @Test
    void anAbsolutePathStaysAsItIs() {
        String sh = BrowserTest.absolute("sh");
        assertEquals(sh, BrowserTest.absolute(sh));
    }
}
