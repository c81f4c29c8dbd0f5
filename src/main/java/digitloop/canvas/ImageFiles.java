package digitloop.canvas;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads image files for prediction without surprises: the first frame of an animated GIF, huge
 * images decoded subsampled (a 10,000 x 10,000 scan would otherwise need 400 MB of pixels), and a
 * one-line error for anything that is not an image.
 */
public final class ImageFiles {
    /** Longer side decoded at most; the normaliser needs 20 px, so this leaves ample detail. */
    public static final int MAX_DECODED_SIDE = 2000;

    private ImageFiles() {
    }

    public static BufferedImage read(Path file) throws ImageLoadException {
        if (!Files.exists(file)) throw new ImageLoadException(file, "no such file");
        if (Files.isDirectory(file)) throw new ImageLoadException(file, "is a folder, not an image");
        try {
            if (Files.size(file) == 0) throw new ImageLoadException(file, "the file is empty (0 bytes)");
        } catch (IOException e) {
            throw new ImageLoadException(file, "cannot be read (" + e.getMessage() + ")", e);
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) throw new ImageLoadException(file, "cannot be opened");
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new ImageLoadException(file, "not an image (PNG, JPEG, BMP and GIF can be read)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int longer = Math.max(reader.getWidth(0), reader.getHeight(0));
                ImageReadParam param = reader.getDefaultReadParam();
                int step = (longer + MAX_DECODED_SIDE - 1) / MAX_DECODED_SIDE;
                if (step > 1) param.setSourceSubsampling(step, step, 0, 0);
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (ImageLoadException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ImageLoadException(file, "is damaged or not a supported image (" + e.getMessage() + ")", e);
        }
    }
}
