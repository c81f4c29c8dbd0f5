package digitloop.gan;

/** A generator file or checkpoint that cannot be read or written; the message says what to do. */
public final class GanFileException extends RuntimeException {
    public GanFileException(String message) {
        super(message);
    }

    public GanFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
