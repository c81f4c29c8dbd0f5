package digitloop.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The installed app (packaging/build-app.sh): its launcher passes the install's own folder as
 * {@code -Ddigitloop.app}. An install may be read-only and is shared by everyone on the machine, so the
 * app's home (models, labels, logs, fetched MNIST) becomes the person's data folder, and the models
 * shipped with the install are copied there the first time, never over a file of the same name.
 */
public final class InstalledApp {
    public static final String PROPERTY = "digitloop.app";

    private InstalledApp() {
    }

    /**
     * Run first, before anything reads {@link AppHome}: sets {@code digitloop.home} to the person's data
     * folder when this is the installed app and no home was given. A source checkout changes nothing.
     */
    public static void settle() {
        String app = System.getProperty(PROPERTY);
        String home = System.getProperty(AppHome.PROPERTY);
        if (app == null || app.isBlank() || (home != null && !home.isBlank())) return;
        Path folder = dataFolder(System.getenv());
        System.setProperty(AppHome.PROPERTY, folder.toString());
        try {
            copyShippedModels(Path.of(app).resolve("models"), folder.resolve("models"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set up the app's folder " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@code $XDG_DATA_HOME/digitloop}, else by the XDG base-directory rule {@code $HOME/.local/share/digitloop}
     * ({@code $HOME} as the shell has it; Java's {@code user.home} comes from the password file instead).
     */
    static Path dataFolder(Map<String, String> env) {
        String xdg = env.get("XDG_DATA_HOME");
        String home = env.get("HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"), ".local", "share");
        return base.resolve("digitloop").toAbsolutePath().normalize();
    }

    /**
     * Copies each shipped model file missing from {@code target}; a file there, the person's or an earlier
     * copy, stays as it is. Each copy is whole or absent: a temporary file renamed into place.
     *
     * @return the files copied
     */
    static List<Path> copyShippedModels(Path shipped, Path target) throws IOException {
        if (!Files.isDirectory(shipped)) return List.of();
        Files.createDirectories(target);
        List<Path> sources;
        try (Stream<Path> files = Files.list(shipped)) {
            sources = files.filter(Files::isRegularFile).sorted().toList();
        }
        List<Path> copied = new java.util.ArrayList<>();
        for (Path source : sources) {
            Path destination = target.resolve(source.getFileName().toString());
            if (Files.exists(destination)) continue;
            Path part = Files.createTempFile(target, "." + source.getFileName(), ".part");
            try {
                Files.copy(source, part, StandardCopyOption.REPLACE_EXISTING);
                // A read-only install gives read-only files; the person's copy is theirs to replace.
                part.toFile().setWritable(true, true);
                Files.move(part, destination, StandardCopyOption.ATOMIC_MOVE);
                copied.add(destination);
            } finally {
                Files.deleteIfExists(part);
            }
        }
        if (!copied.isEmpty()) AtomicWrite.syncFolder(target);
        return copied;
    }
}
