package digitloop.data;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A Kaggle Digit Recognizer CSV that cannot be read. The message is one line: the file, the line and
 * column where reading stopped, what is wrong there and what to do, so the CLI prints it as is and a
 * dialog shows it without a stack trace.
 */
public final class KaggleCsvFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long line;
    private final int column;

    /**
     * @param line   1-based line of the problem (0 when it concerns the whole file)
     * @param column 1-based column (0 when it concerns the whole line)
     */
    public KaggleCsvFormatException(Path file, long line, int column, String problem, String remedy) {
        super(file.toAbsolutePath() + ": " + where(line, column) + problem + ". " + remedy + ".");
        this.file = file;
        this.line = line;
        this.column = column;
    }

    public Path file() { return file; }

    public long line() { return line; }

    public int column() { return column; }

    private static String where(long line, int column) {
        if (line <= 0) return "";
        return column <= 0 ? "line " + line + ": " : "line " + line + ", column " + column + ": ";
    }
}
