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
 * Reads image files for prediction without surprises: PNG, JPEG, BMP and GIF (the first frame of
 * an animated one), huge images decoded subsampled (a 10,000 x 10,000 scan would otherwise need
 * 400 MB of pixels), and a one-line error naming the file for anything that cannot be used.
 */
public final class ImageFiles {
    /** Longer side decoded at most; the normaliser needs 20 px, so this leaves ample detail. */
    public static final int MAX_DECODED_SIDE = 2000;

    private ImageFiles() {
    }

    public static BufferedImage read(Path file) throws ImageLoadException {
        checkReadable(file);
        // A File, not a URL: spaces and non-ASCII letters in the path need no escaping.
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) throw new ImageLoadException(file, "cannot be opened");
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new ImageLoadException(file, "not an image (PNG, JPEG, BMP and GIF can be read)");
            }
            ImageReader reader = readers.next();
            try {
                // seekForwardOnly: only frame 0 is wanted, so a long animation is never buffered.
                reader.setInput(in, true, true);
                return reader.read(0, subsampledToFit(reader));
            } finally {
                reader.dispose();
            }
        } catch (ImageLoadException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ImageLoadException(file, "is damaged or not a supported image (" + oneLine(e) + ")", e);
        }
    }

    private static void checkReadable(Path file) throws ImageLoadException {
        if (!Files.exists(file)) throw new ImageLoadException(file, "no such file");
        if (Files.isDirectory(file)) throw new ImageLoadException(file, "is a folder, not an image");
        if (!Files.isReadable(file)) throw new ImageLoadException(file, "cannot be read (no permission)");
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new ImageLoadException(file, "cannot be read (" + oneLine(e) + ")", e);
        }
        if (size == 0) throw new ImageLoadException(file, "the file is empty (0 bytes)");
    }

    /**
     * The header gives the size before any pixel is decoded; reading every n-th row and column
     * bounds the memory by {@link #MAX_DECODED_SIDE} whatever the file claims.
     */
    private static ImageReadParam subsampledToFit(ImageReader reader) throws IOException {
        long longer = Math.max(reader.getWidth(0), reader.getHeight(0));
        ImageReadParam param = reader.getDefaultReadParam();
        int step = (int) ((longer + MAX_DECODED_SIDE - 1) / MAX_DECODED_SIDE);
        if (step > 1) param.setSourceSubsampling(step, step, 0, 0);
        return param;
    }

    /** Decoder messages can be null or span lines; the caller prints one line per file. */
    private static String oneLine(Exception e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) return e.getClass().getSimpleName();
        return message.replaceAll("\\s+", " ").trim();
    }
}
