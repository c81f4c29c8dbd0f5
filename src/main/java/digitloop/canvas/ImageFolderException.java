package digitloop.canvas;

import java.io.IOException;

/** A folder that cannot be a dataset; the message is the one line a person reads (what is wrong, what to do). */
public final class ImageFolderException extends IOException {
    private static final long serialVersionUID = 1L;

    public ImageFolderException(String message) {
        super(message);
    }
}
