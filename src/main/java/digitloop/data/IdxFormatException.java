package digitloop.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An IDX file that cannot be read as 28x28 digit images or 0-9 labels. The message is one line:
 * the file, what is wrong with it, and what to do about it, so a CLI can print it as is and a
 * dialog can show it without a stack trace.
 */
public final class IdxFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public IdxFormatException(Path file, String problem, String remedy) {
        this(file, problem, remedy, null);
    }

    public IdxFormatException(Path file, String problem, String remedy, Throwable cause) {
        super(oneLine(file.toAbsolutePath() + ": " + problem + ". " + remedy + "."), cause);
        this.file = file;
    }

    /** The file that is wrong (for a count mismatch, the image file). */
    public Path file() {
        return file;
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
