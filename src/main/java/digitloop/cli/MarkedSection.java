package digitloop.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A generated section of a hand-written Markdown file, between two marker lines, so a rerun keeps the prose around it. */
final class MarkedSection {
    private MarkedSection() {
    }

    /** The file's text with the section replaced; the markers and section alone when the file or its markers are missing. */
    static String replace(Path file, String begin, String end, String section) throws IOException {
        String block = begin + "\n" + section + end + "\n";
        if (!Files.isRegularFile(file)) return block;
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int a = text.indexOf(begin);
        int b = text.indexOf(end);
        if (a < 0 || b < a) return text + (text.endsWith("\n") ? "\n" : "\n\n") + block;
        int after = b + end.length();
        if (after < text.length() && text.charAt(after) == '\n') after++;
        return text.substring(0, a) + block + text.substring(after);
    }
}
