package digitloop.hitl;

import java.io.IOException;

/** Another process is writing the same label journal. */
public final class JournalLockedException extends IOException {
    public JournalLockedException(String message) {
        super(message);
    }
}
