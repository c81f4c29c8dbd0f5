package digitloop.hitl;

import digitloop.canvas.ImageFiles;
import digitloop.canvas.ImageLoadException;
import digitloop.canvas.MnistNormalizer;
import digitloop.canvas.NormalizedImage;
import digitloop.data.Digits;
import digitloop.task.CancellationToken;
import digitloop.task.ProgressSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A folder of a person's own unlabelled images, normalised as {@code predict} does, to review beside
 * the model's own unseen images. Each image's id comes from its normalised pixels, so the same image
 * keeps its id when the folder is read again (after a restart, or moved): the journal's answers find it.
 *
 * @param images     the readable images, unlabelled, 28×28 as MNIST
 * @param names      file name by id, for the queue to say which file it shows
 * @param unreadable files that were not images, were damaged, or held no ink
 */
public record OwnImages(Path folder, Digits images, Map<Integer, String> names, List<String> unreadable) {
    /** Own images take ids from here up; MNIST's are below 70,000 and canvas drawings negative. */
    public static final int FIRST_ID = 1_000_000_000;
    private static final List<String> EXTENSIONS = List.of(".png", ".jpg", ".jpeg", ".bmp", ".gif");
    /** Subfolders are read this deep (a folder of scans sorted into a few subfolders), no deeper. */
    private static final int DEPTH = 3;

    public OwnImages {
        names = Map.copyOf(names);
        unreadable = List.copyOf(unreadable);
    }

    public static boolean isOwnImage(int sampleId) {
        return sampleId >= FIRST_ID;
    }

    public int size() { return images.size(); }

    /** The file name of the image with this id, relative to the folder. */
    public String nameOf(int sampleId) {
        return names.getOrDefault(sampleId, "image " + sampleId);
    }

    /** The normalised pixels of the image with this id, or null. */
    public float[] pixelsOf(int sampleId) {
        for (int i = 0; i < images.size(); i++) if (images.id(i) == sampleId) return images.image(i);
        return null;
    }

    /**
     * Reads every image file in {@code folder} and its subfolders.
     *
     * @throws IllegalArgumentException with a sentence for the person when the folder is missing or holds no usable image
     */
    public static OwnImages read(Path folder, ProgressSink progress, CancellationToken cancel) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException(folder + " is not a folder: choose the folder that holds your images.");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder, DEPTH)) {
            files = walk.filter(Files::isRegularFile).filter(OwnImages::looksLikeImage).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException(folder + " cannot be read (" + e.getMessage() + ").", e);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("No images in " + folder + ": put PNG, JPEG, BMP or GIF files of single digits there.");
        }
        List<float[]> pixels = new ArrayList<>();
        List<Integer> ids = new ArrayList<>();
        Map<Integer, String> names = new HashMap<>();
        List<String> unreadable = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            cancel.throwIfCancelled();
            Path file = files.get(i);
            String name = folder.relativize(file).toString();
            try {
                var normalized = MnistNormalizer.normalize(ImageFiles.read(file)).map(NormalizedImage::pixels);
                if (normalized.isEmpty()) {
                    unreadable.add(name + ": no ink found");
                } else {
                    int id = idOf(normalized.get());
                    // The same picture twice (a copy under another name) is one sample.
                    if (names.putIfAbsent(id, name) == null) {
                        pixels.add(normalized.get());
                        ids.add(id);
                    }
                }
            } catch (ImageLoadException e) {
                unreadable.add(e.getMessage());
            }
            if (i % 20 == 0 || i == files.size() - 1) {
                progress.progress((i + 1.0) / files.size(), String.format(Locale.ROOT, "Reading your images: %,d of %,d", i + 1, files.size()));
            }
        }
        if (pixels.isEmpty()) {
            throw new IllegalArgumentException("None of the " + files.size() + " image files in " + folder + " shows a digit that can be read ("
                    + unreadable.get(0) + (unreadable.size() > 1 ? ", …" : "") + ").");
        }
        int side = MnistNormalizer.SIDE;
        float[] all = new float[pixels.size() * side * side];
        int[] labels = new int[pixels.size()];
        int[] idArray = new int[pixels.size()];
        for (int i = 0; i < pixels.size(); i++) {
            System.arraycopy(pixels.get(i), 0, all, i * side * side, side * side);
            labels[i] = Digits.UNLABELED;
            idArray[i] = ids.get(i);
        }
        return new OwnImages(folder, Digits.of(all, side, labels, idArray), names, unreadable);
    }

    /** One sentence for the Review tab: how many images joined the pool, and what was left out. */
    public String describe() {
        return String.format(Locale.ROOT, "%,d of your images from %s%s", size(), folder.getFileName(),
                unreadable.isEmpty() ? "" : String.format(Locale.ROOT, " (%d file%s left out: %s%s)", unreadable.size(),
                        unreadable.size() == 1 ? "" : "s", unreadable.get(0), unreadable.size() > 1 ? ", …" : ""));
    }

    private static boolean looksLikeImage(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    /** An id in [FIRST_ID, Integer.MAX_VALUE] from the pixels as the journal stores them (bytes 0-255). */
    static int idOf(float[] pixels) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            for (float p : pixels) md5.update((byte) Math.round(Math.max(0, Math.min(1, p)) * 255));
            int hash = ByteBuffer.wrap(md5.digest()).getInt();
            return FIRST_ID + Math.floorMod(hash, Integer.MAX_VALUE - FIRST_ID + 1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java runtime", e);
        }
    }
}
