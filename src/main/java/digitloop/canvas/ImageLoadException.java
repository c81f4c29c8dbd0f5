package digitloop.canvas;

import java.io.IOException;
import java.nio.file.Path;

/** An image file that cannot be used; the message names the file and says what is wrong. */
public final class ImageLoadException extends IOException {
    public ImageLoadException(Path file, String problem) {
        super(file + ": " + problem);
    }

    public ImageLoadException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
