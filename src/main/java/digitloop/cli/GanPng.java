package digitloop.cli;

import digitloop.files.AtomicWrite;
import digitloop.gan.SampleGrid;
import digitloop.overlay.DigitGridPicture;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes a grid of generated digits, or one digit, as a PNG, atomically. */
final class GanPng {
    private GanPng() {
    }

    static void write(Path file, SampleGrid grid, int scale) throws IOException {
        write(file, grid.pixels(), grid.width(), grid.height(), scale);
    }

    static void write(Path file, float[] pixels, int width, int height, int scale) throws IOException {
        var image = DigitGridPicture.of(pixels, width, height, scale);
        AtomicWrite.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) throw new IOException("no PNG writer in this Java");
        });
    }
}
