package digitloop.hitl;

import digitloop.canvas.ImageFolderReader;
import digitloop.data.Digits;
import digitloop.data.FolderImages;
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
 * A folder of a person's own unlabelled images, read by {@link ImageFolderReader} as {@code predict} reads files, to review beside
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
        FolderImages read;
        try {
            read = ImageFolderReader.readUnlabelled(folder, cancel, progress);
        } catch (IOException e) {
            throw new IllegalArgumentException(hasFiles(folder)
                    ? "None of the image files in " + folder + " shows a digit that can be read (" + e.getMessage() + ")."
                    : "No images in " + folder + ": put PNG, JPEG, BMP or GIF files of single digits there.", e);
        }
        // The reader numbers images by their place in the folder; the journal needs ids that stay with the picture.
        Digits digits = read.digits();
        List<Integer> keep = new ArrayList<>();
        List<Integer> ids = new ArrayList<>();
        Map<Integer, String> names = new HashMap<>();
        for (int i = 0; i < digits.size(); i++) {
            int id = idOf(digits.image(i));
            // The same picture twice (a copy under another name) is one sample.
            if (names.putIfAbsent(id, read.name(read.digitFiles().get(i))) == null) {
                keep.add(i);
                ids.add(id);
            }
        }
        Digits kept = digits.subset(keep.stream().mapToInt(Integer::intValue).toArray());
        Digits images = Digits.of(pixelsOf(kept), kept.side(), kept.labels(), ids.stream().mapToInt(Integer::intValue).toArray());
        List<String> unreadable = read.skipped().stream().map(k -> read.name(k.file()) + ": " + k.reason()).toList();
        return new OwnImages(folder, images, names, unreadable);
    }

    private static float[] pixelsOf(Digits d) {
        float[] p = new float[d.size() * d.pixelsPerImage()];
        for (int i = 0; i < d.size(); i++) d.copyImage(i, p, i * d.pixelsPerImage());
        return p;
    }

    /** On the error path only: whether the folder holds any file at all, to say which of two things is wrong. */
    private static boolean hasFiles(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.anyMatch(Files::isRegularFile);
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    /** One sentence for the Review tab: how many images joined the pool, and what was left out. */
    public String describe() {
        return String.format(Locale.ROOT, "%,d of your images from %s%s", size(), folder.getFileName(),
                unreadable.isEmpty() ? "" : String.format(Locale.ROOT, " (%d file%s left out: %s%s)", unreadable.size(),
                        unreadable.size() == 1 ? "" : "s", unreadable.get(0), unreadable.size() > 1 ? ", …" : ""));
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
