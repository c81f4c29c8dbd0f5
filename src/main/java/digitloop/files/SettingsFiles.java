package digitloop.files;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;

/**
 * The configuration files a run reads, highest first: the file given with {@code --config}, then the
 * person's own file ({@link #userFile()}). Each is a Java properties file (UTF-8); what its keys mean is
 * the front end's business (docs/configuration.md). A missing user file is no layer; a missing
 * {@code --config} file is an error, since the person named it.
 */
public final class SettingsFiles {
    /** System property naming the user file instead of {@code ~/.digitloop/config.properties} (the tests set it). */
    public static final String USER_FILE_PROPERTY = "digitloop.config.user";
    /** Environment variable naming the user file, when the system property is not set. */
    public static final String USER_FILE_ENV = "DIGITLOOP_CONFIG";

    /** Where a value came from, as a person reads it: "--config /abs/recipe.properties" or "user file /abs/…". */
    public record Layer(String label, Path file, Properties values) {
        public TreeSet<String> keys() {
            return new TreeSet<>(values.stringPropertyNames());
        }
    }

    /** A value and the layer it was read from. */
    public record Found(String value, Layer layer) {
    }

    /** A file that cannot be used; the message names it and says what is wrong. */
    public static final class SettingsFileException extends IllegalArgumentException {
        public SettingsFileException(String message) {
            super(message);
        }
    }

    private static final SettingsFiles NONE = new SettingsFiles(List.of());
    private final List<Layer> layers;

    private SettingsFiles(List<Layer> layers) {
        this.layers = List.copyOf(layers);
    }

    /** No files: every setting has its built-in default. */
    public static SettingsFiles none() {
        return NONE;
    }

    /** The {@code --config} file (null: none) above the user file, when that exists. */
    public static SettingsFiles load(Path explicit) {
        List<Layer> layers = new ArrayList<>();
        if (explicit != null) {
            Path file = explicit.toAbsolutePath().normalize();
            if (!Files.isRegularFile(file)) throw new SettingsFileException(file + ": no such configuration file");
            layers.add(new Layer("--config " + file, file, read(file)));
        }
        Path user = userFile();
        if (Files.isRegularFile(user)) layers.add(new Layer("user file " + user, user, read(user)));
        return new SettingsFiles(layers);
    }

    /** {@value #USER_FILE_PROPERTY}, else {@value #USER_FILE_ENV}, else {@code ~/.digitloop/config.properties}. */
    public static Path userFile() {
        String named = System.getProperty(USER_FILE_PROPERTY);
        if (named == null || named.isBlank()) named = System.getenv(USER_FILE_ENV);
        Path file = named == null || named.isBlank()
                ? Path.of(System.getProperty("user.home"), ".digitloop", "config.properties") : Path.of(named);
        return file.toAbsolutePath().normalize();
    }

    public List<Layer> layers() {
        return layers;
    }

    /** The value of {@code key} in the highest layer that has it. */
    public Optional<Found> find(String key) {
        for (Layer layer : layers) {
            String value = layer.values().getProperty(key);
            if (value != null) return Optional.of(new Found(value.strip(), layer));
        }
        return Optional.empty();
    }

    private static Properties read(Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (MalformedInputException e) {
            throw new SettingsFileException(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new SettingsFileException(file + ": cannot read it (" + e.getMessage() + ")");
        } catch (IllegalArgumentException e) {
            // Properties.load's only complaint: a malformed \\uXXXX escape.
            throw new SettingsFileException(file + ": " + e.getMessage());
        }
        return p;
    }
}
