package digitloop.data;

import java.io.IOException;

/**
 * The dataset is not on disk and could not be obtained. The message is one line that says why and
 * where to put the files by hand, so the CLI and the GUI can show it to the person unchanged.
 */
public final class DataUnavailableException extends IOException {
    private static final long serialVersionUID = 1L;

    public DataUnavailableException(String message) {
        super(message);
    }

    public DataUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
