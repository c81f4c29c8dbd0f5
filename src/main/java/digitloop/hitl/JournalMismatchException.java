package digitloop.hitl;

import java.io.IOException;

/** The label journal was written for another dataset: its sample ids would point at the wrong images. */
public final class JournalMismatchException extends IOException {
    public JournalMismatchException(String message) {
        super(message);
    }
}
