package digitloop.canvas;

import digitloop.data.Digits;
import digitloop.data.FolderImages;
import digitloop.task.CancellationToken;
import digitloop.task.ProgressSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads a person's folder of images as a dataset, each image through the same {@link ImageFiles} and
 * {@link MnistNormalizer} as {@code predict} and the Draw tab. A labelled folder has subfolders {@code 0/}
 * … {@code 9/} (and {@code not-a-digit/} for images with no digit), or a {@code labels.csv} of
 * {@code file,label} lines beside the images, which then wins. A file that is not an image, or an image
 * with no ink, is left out and listed in {@link FolderImages#skipped()}; a folder that cannot be a dataset
 * at all stops with an {@link ImageFolderException} of one line.
 */
public final class ImageFolderReader {
    public static final String LABELS_CSV = "labels.csv";
    public static final String NOT_A_DIGIT = "not-a-digit";
    /** The internal label of a not-a-digit image while files are sorted into the two sets. */
    private static final int NON_DIGIT = 10;
    private static final String HOW = "put images in subfolders 0/ … 9/ (" + NOT_A_DIGIT + "/ for images with no digit), "
            + "or list them in a " + LABELS_CSV + " of file,label lines";

    private ImageFolderReader() {
    }

    /** The labelled folder {@code folder}: its digits with their labels and its not-a-digit images. */
    public static FolderImages readLabelled(Path folder, CancellationToken cancel, ProgressSink progress) throws IOException {
        Path root = requireFolder(folder);
        Path csv = root.resolve(LABELS_CSV);
        Map<Path, Integer> labels = Files.isRegularFile(csv) ? fromCsv(root, csv) : fromSubfolders(root);
        return read(root, labels, cancel, progress);
    }

    /**
     * Every image under {@code folder} (recursively), labelled {@link Digits#UNLABELED}: what a review pool
     * of a person's own images is made of.
     */
    public static FolderImages readUnlabelled(Path folder, CancellationToken cancel, ProgressSink progress) throws IOException {
        Path root = requireFolder(folder);
        Map<Path, Integer> files = new HashMap<>();
        for (Path file : walk(root)) files.put(file, Digits.UNLABELED);
        if (files.isEmpty()) throw new ImageFolderException(root + " is empty: put the images to read in it");
        return read(root, files, cancel, progress);
    }

    private static Path requireFolder(Path folder) throws ImageFolderException {
        Path root = folder.toAbsolutePath().normalize();
        if (!Files.exists(root)) throw new ImageFolderException("no such folder: " + folder);
        if (!Files.isDirectory(root)) throw new ImageFolderException(folder + " is a file, not a folder of images");
        if (!Files.isReadable(root)) throw new ImageFolderException(folder + " cannot be read (no permission)");
        return root;
    }

    private static Map<Path, Integer> fromSubfolders(Path root) throws IOException {
        List<Path> entries;
        try (Stream<Path> list = Files.list(root)) {
            entries = list.filter(p -> !hidden(p)).sorted().toList();
        }
        if (entries.isEmpty()) throw new ImageFolderException(root + " is empty: " + HOW);
        Map<Path, Integer> labels = new HashMap<>();
        List<Path> loose = new ArrayList<>();
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            if (!Files.isDirectory(entry)) {
                loose.add(entry);
                continue;
            }
            int label = labelOf(name);
            if (label < 0) {
                throw new ImageFolderException(entry + ": '" + name + "' is not a label; name the subfolders 0 … 9 or " + NOT_A_DIGIT);
            }
            for (Path file : walk(entry)) labels.put(file, label);
        }
        if (!loose.isEmpty()) {
            throw new ImageFolderException(root + " holds " + loose.size() + " file" + (loose.size() == 1 ? "" : "s")
                    + " outside the label subfolders (first: " + loose.get(0).getFileName() + "), so their labels are unknown: " + HOW);
        }
        if (labels.isEmpty()) throw new ImageFolderException(root + " has label subfolders but no image in them: " + HOW);
        return labels;
    }

    private static Map<Path, Integer> fromCsv(Path root, Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        Map<Path, Integer> labels = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (int n = 1; n <= lines.size(); n++) {
            String line = lines.get(n - 1).strip();
            if (n == 1) line = line.replace("\uFEFF", "");
            if (line.isEmpty()) continue;
            int comma = line.lastIndexOf(',');
            if (comma < 0) throw new ImageFolderException(csv + " line " + n + ": expected file,label, got '" + line + "'");
            String name = unquote(line.substring(0, comma).strip());
            String value = unquote(line.substring(comma + 1).strip());
            if (n == 1 && value.equalsIgnoreCase("label")) continue;
            int label = labelOf(value);
            if (label < 0) {
                throw new ImageFolderException(csv + " line " + n + ": '" + value + "' is not a label (0 … 9 or " + NOT_A_DIGIT + ")");
            }
            Path file = root.resolve(name).normalize();
            if (!file.startsWith(root)) throw new ImageFolderException(csv + " line " + n + ": " + name + " lies outside " + root);
            if (!Files.isRegularFile(file)) {
                missing.add(name + " (line " + n + ")");
                continue;
            }
            Integer before = labels.put(file, label);
            if (before != null && before != label) {
                throw new ImageFolderException(csv + " line " + n + ": " + name + " has two labels, " + name(before) + " and " + value);
            }
        }
        if (!missing.isEmpty()) {
            throw new ImageFolderException(csv + " names " + missing.size() + " image" + (missing.size() == 1 ? "" : "s")
                    + " that " + (missing.size() == 1 ? "is" : "are") + " not in " + root + " (first: " + missing.get(0)
                    + "); add the files or remove their lines");
        }
        if (labels.isEmpty()) throw new ImageFolderException(csv + " lists no image: write one file,label line per image");
        return labels;
    }

    private static FolderImages read(Path root, Map<Path, Integer> labels, CancellationToken cancel, ProgressSink progress)
            throws ImageFolderException {
        List<Path> files = labels.keySet().stream().sorted().toList();
        float[] digitPixels = new float[files.size() * NormalizedImage.SIDE * NormalizedImage.SIDE];
        float[] otherPixels = new float[digitPixels.length];
        List<Integer> digitLabels = new ArrayList<>();
        List<Integer> digitIds = new ArrayList<>();
        List<Path> digitFiles = new ArrayList<>();
        List<Integer> otherIds = new ArrayList<>();
        List<Path> otherFiles = new ArrayList<>();
        List<FolderImages.Skipped> skipped = new ArrayList<>();
        int pixels = NormalizedImage.SIDE * NormalizedImage.SIDE;
        for (int i = 0; i < files.size(); i++) {
            cancel.throwIfCancelled();
            Path file = files.get(i);
            if (i % 50 == 0) progress.progress((double) i / files.size(), String.format(Locale.ROOT, "reading image %,d of %,d", i + 1, files.size()));
            float[] image;
            try {
                image = MnistNormalizer.normalize(ImageFiles.read(file)).map(NormalizedImage::pixels).orElse(null);
            } catch (ImageLoadException e) {
                String prefix = file + ": ";
                String message = e.getMessage();
                skipped.add(new FolderImages.Skipped(file, message.startsWith(prefix) ? message.substring(prefix.length()) : message));
                continue;
            }
            if (image == null) {
                skipped.add(new FolderImages.Skipped(file, "no ink: nothing to recognise"));
                continue;
            }
            int label = labels.get(file);
            int id = FolderImages.FIRST_ID + i;
            if (label == NON_DIGIT) {
                System.arraycopy(image, 0, otherPixels, otherIds.size() * pixels, pixels);
                otherIds.add(id);
                otherFiles.add(file);
            } else {
                System.arraycopy(image, 0, digitPixels, digitIds.size() * pixels, pixels);
                digitLabels.add(label);
                digitIds.add(id);
                digitFiles.add(file);
            }
        }
        progress.progress(1, String.format(Locale.ROOT, "read %,d images", files.size()));
        if (digitIds.isEmpty() && otherIds.isEmpty()) {
            FolderImages.Skipped first = skipped.get(0);
            throw new ImageFolderException(root + " holds no image that can be used (" + files.size() + " file"
                    + (files.size() == 1 ? "" : "s") + "; first: " + root.relativize(first.file()) + ", " + first.reason()
                    + "); PNG, JPEG, BMP and GIF with a digit can be read");
        }
        Digits digits = Digits.of(java.util.Arrays.copyOf(digitPixels, digitIds.size() * pixels), NormalizedImage.SIDE,
                ints(digitLabels), ints(digitIds));
        int[] unlabelled = new int[otherIds.size()];
        java.util.Arrays.fill(unlabelled, Digits.UNLABELED);
        Digits others = Digits.of(java.util.Arrays.copyOf(otherPixels, otherIds.size() * pixels), NormalizedImage.SIDE,
                unlabelled, ints(otherIds));
        return new FolderImages(root, digits, digitFiles, others, otherFiles, skipped);
    }

    private static List<Path> walk(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).filter(p -> !hidden(p) && !p.getFileName().toString().equals(LABELS_CSV))
                    .sorted().toList();
        }
    }

    /** Dot files (.DS_Store, an editor's swap file) are no one's images. */
    private static boolean hidden(Path p) {
        return p.getFileName().toString().startsWith(".");
    }

    private static int labelOf(String name) {
        if (name.equalsIgnoreCase(NOT_A_DIGIT)) return NON_DIGIT;
        return name.length() == 1 && name.charAt(0) >= '0' && name.charAt(0) <= '9' ? name.charAt(0) - '0' : -1;
    }

    private static String name(int label) {
        return label == NON_DIGIT ? NOT_A_DIGIT : Integer.toString(label);
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1).replace("\"\"", "\"") : s;
    }

    private static int[] ints(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }
}
