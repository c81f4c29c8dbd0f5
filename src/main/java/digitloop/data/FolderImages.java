package digitloop.data;

import java.nio.file.Path;
import java.util.List;

/**
 * A person's own images read from a folder, brought to MNIST's 28x28 form: the digits with their labels
 * (or {@link Digits#UNLABELED} for an unlabelled folder), the images labelled "not a digit" apart, and
 * every file that was left out with the reason. Ids start at {@link #FIRST_ID} and follow the files'
 * sorted relative paths, so they never meet MNIST's (0-69,999) or the label journal's drawings (negative);
 * {@link #file(int)} names the file behind an id.
 *
 * @param digitFiles    the file of each image of {@code digits}, in the same order
 * @param nonDigitFiles the file of each image of {@code nonDigits}, in the same order
 */
public record FolderImages(Path folder, Digits digits, List<Path> digitFiles, Digits nonDigits, List<Path> nonDigitFiles,
                           List<Skipped> skipped) {
    public static final int FIRST_ID = 100_000_000;

    /** A file of the folder that is not in the set, and why (it is no image, or it holds no ink). */
    public record Skipped(Path file, String reason) {
    }

    public FolderImages {
        if (digits.size() != digitFiles.size() || nonDigits.size() != nonDigitFiles.size()) {
            throw new IllegalArgumentException("one file per image");
        }
        digitFiles = List.copyOf(digitFiles);
        nonDigitFiles = List.copyOf(nonDigitFiles);
        skipped = List.copyOf(skipped);
    }

    public int size() { return digits.size() + nonDigits.size(); }

    /** The file behind sample id {@code id} of either set, or null when the id is not one of this folder's. */
    public Path file(int id) {
        for (int i = 0; i < digits.size(); i++) if (digits.id(i) == id) return digitFiles.get(i);
        for (int i = 0; i < nonDigits.size(); i++) if (nonDigits.id(i) == id) return nonDigitFiles.get(i);
        return null;
    }

    /** {@code file} relative to the folder, for messages and tooltips. */
    public String name(Path file) {
        return file.startsWith(folder) ? folder.relativize(file).toString() : file.toString();
    }
}
