package digitloop.files;

import java.nio.file.Path;

/**
 * The app's own folder (the project folder): the launcher passes it as {@code -Ddigitloop.home}, so
 * the app's models, datasets, labels and logs are found wherever the person runs it from. Without the
 * property (tests, an IDE) it is the working directory. Paths a person types on the command line are
 * not resolved here: they stay relative to the folder the person is in.
 */
public final class AppHome {
    public static final String PROPERTY = "digitloop.home";

    private AppHome() {
    }

    public static Path folder() {
        String home = System.getProperty(PROPERTY);
        return (home == null || home.isBlank() ? Path.of("") : Path.of(home)).toAbsolutePath().normalize();
    }

    /** {@code first/more…} under the app's folder, e.g. {@code resolve("models", "cnn.zip")}. */
    public static Path resolve(String first, String... more) {
        return folder().resolve(Path.of(first, more));
    }
}
