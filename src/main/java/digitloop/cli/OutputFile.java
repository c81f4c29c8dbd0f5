package digitloop.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The one check every command that writes a file makes before long work starts, not after it. */
final class OutputFile {
    private OutputFile() {
    }

    /** Creates the folder of {@code out} if needed; refuses, in one line, a folder that cannot be written. */
    static void requireWritable(Path out) throws IOException {
        Path folder = out.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        if (!Files.isWritable(folder)) throw new IllegalArgumentException("cannot write to " + folder + ": choose another --out");
    }
}
