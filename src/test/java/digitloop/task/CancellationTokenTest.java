package digitloop.task;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class CancellationTokenTest {
    @Test
    void aFreshTokenIsNotCancelledAndThrowsNothing() {
        CancellationToken token = CancellationToken.none();
        assertFalse(token.isCancelled());
        assertDoesNotThrow(token::throwIfCancelled);
    }

    @Test
    void cancelRunsEachRegisteredActionOnceAndThrowIfCancelledThrows() {
        CancellationToken token = new CancellationToken();
        List<String> ran = new ArrayList<>();
        token.onCancel(() -> ran.add("interrupt"));
        CancellationToken.Registration removed = token.onCancel(() -> ran.add("removed"));
        removed.close();

        token.cancel();
        token.cancel();

        assertTrue(token.isCancelled());
        assertEquals(List.of("interrupt"), ran);
        assertThrows(CancellationException.class, token::throwIfCancelled);
    }

    @Test
    void anActionRegisteredAfterTheCancelRunsAtOnce() {
        CancellationToken token = new CancellationToken();
        token.cancel();
        List<String> ran = new ArrayList<>();
        token.onCancel(() -> ran.add("late"));
        assertEquals(List.of("late"), ran);
    }

    @Test
    void aPartOfASinkMapsOntoItsShareOfTheWhole() {
        List<Double> seen = new ArrayList<>();
        ProgressSink whole = (fraction, message) -> seen.add(fraction);
        ProgressSink second = whole.part(0.5, 1.0);
        second.progress(0, "start");
        second.progress(0.5, "half");
        second.progress(-1, "unknown");
        assertEquals(List.of(0.5, 0.75, -1.0), seen);
    }
}
