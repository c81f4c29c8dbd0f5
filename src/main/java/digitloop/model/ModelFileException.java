package digitloop.model;

/** A model file that cannot be read or written; the message says which file and what to do. */
public final class ModelFileException extends RuntimeException {
    public ModelFileException(String message) {
        super(message);
    }

    public ModelFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
