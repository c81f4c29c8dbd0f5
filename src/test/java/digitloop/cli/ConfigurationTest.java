package digitloop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitloop.files.SettingsFiles;
import digitloop.model.MlpSpec;
import digitloop.train.TrainingRequest;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configuration files: the four layers in their order, {@code --print-config}, and the one line for a
 * key or value a file gets wrong. The person's own file is one under {@code @TempDir} (pom.xml points the
 * suite's at a file that does not exist, so no test reads the real home's).
 */
class ConfigurationTest {
    @TempDir
    Path dir;
    private Path userFile;
    private String previousUserFile;

    @BeforeEach
    void pointTheUserFileIntoTheTemporaryFolder() {
        userFile = dir.resolve("home/.digitloop/config.properties");
        previousUserFile = System.getProperty(SettingsFiles.USER_FILE_PROPERTY);
        System.setProperty(SettingsFiles.USER_FILE_PROPERTY, userFile.toString());
    }

    @AfterEach
    void restoreTheUserFile() {
        if (previousUserFile == null) System.clearProperty(SettingsFiles.USER_FILE_PROPERTY);
        else System.setProperty(SettingsFiles.USER_FILE_PROPERTY, previousUserFile);
    }

    private Path write(Path file, String... lines) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, List.of(lines));
    }

    /** --print-config's output read back as the properties file it is, and the source line above each key. */
    private record Printed(Properties values, java.util.Map<String, String> sources) {
        static Printed of(String out) throws IOException {
            Properties p = new Properties();
            p.load(new StringReader(out));
            java.util.Map<String, String> sources = new java.util.HashMap<>();
            String source = null;
            for (String line : out.lines().toList()) {
                if (line.startsWith("# from ")) source = line.substring("# from ".length()).replaceFirst(": nothing$", "");
                else if (!line.startsWith("#") && line.contains("=")) sources.put(line.substring(0, line.indexOf('=')), source);
            }
            return new Printed(p, sources);
        }
    }

    @Test
    void theCommandLineBeatsTheConfigFileWhichBeatsTheUserFileWhichBeatsTheBuiltInDefault() throws Exception {
        write(userFile, "train.epochs=4", "train.batch=32", "train.lr=0.002");
        Path recipe = write(dir.resolve("recipe.properties"), "train.epochs=7", "train.batch=16", "train.model=mlp");

        CliErrorsTest.Run run = CliErrorsTest.run("train", "--config", recipe.toString(), "--epochs", "3",
                "--out", dir.resolve("m.zip").toString(), "--print-config");

        assertEquals(0, run.code(), run.err());
        Printed printed = Printed.of(run.out());
        assertEquals("3", printed.values().getProperty("train.epochs"));
        assertEquals("command line", printed.sources().get("train.epochs"));
        assertEquals("16", printed.values().getProperty("train.batch"));
        assertEquals("--config " + recipe.toAbsolutePath(), printed.sources().get("train.batch"));
        assertEquals("0.002", printed.values().getProperty("train.lr"));
        assertEquals("user file " + userFile.toAbsolutePath(), printed.sources().get("train.lr"));
        assertEquals(String.valueOf(TrainingRequest.DEFAULT.config().seed()), printed.values().getProperty("train.seed"));
        assertEquals("built-in default", printed.sources().get("train.seed"));

        // What the values are, not only what is printed: the Train tab resolves the same files through train's options.
        AppTrainDefaults tab = AppTrainDefaults.from(SettingsFiles.load(recipe));
        assertNull(tab.problem());
        assertEquals(7, tab.request().config().epochs(), "the --config file over the user file");
        assertEquals(16, tab.request().config().batchSize());
        assertEquals(0.002, tab.request().config().learningRate(), 1e-12, "the user file over the default");
        assertEquals(MlpSpec.DEFAULT, tab.request().architecture());
        assertEquals(TrainingRequest.DEFAULT.config().learningRateDecay(), tab.request().config().learningRateDecay());
    }

    @Test
    void aRecipeCanTurnOnTheHandwritingStyles() throws Exception {
        Path recipe = write(dir.resolve("my-hand.properties"), "train.augment=true", "train.handwriting=true");
        AppTrainDefaults tab = AppTrainDefaults.from(SettingsFiles.load(recipe));
        assertNull(tab.problem());
        assertEquals(digitloop.data.Augmentation.STANDARD.withStyle(digitloop.data.HandwritingStyle.ALL), tab.request().config().augmentation());
        assertEquals(digitloop.data.HandwritingStyle.NONE, TrainingRequest.DEFAULT.config().augmentation().style(), "off unless asked for");
    }

    @Test
    void printConfigShowsEveryValueAndItsSourceWithoutTrainingEvenBeforeTheRequiredOnesAreGiven() throws Exception {
        Path recipe = write(dir.resolve("noisy-cnn.properties"), "train.model=cnn", "train.noise=0.3", "train.augment=true");

        CliErrorsTest.Run run = CliErrorsTest.run("train", "--config", recipe.toString(), "--print-config");

        assertEquals(0, run.code(), run.err());
        assertEquals("", run.err());
        assertTrue(run.out().startsWith("# Settings of 'train', highest layer first: command line > --config "
                + recipe.toAbsolutePath() + " > built-in default"), run.out());
        assertTrue(run.out().contains("#train.out=    (required, not set)"), run.out());
        Printed printed = Printed.of(run.out());
        assertEquals("0.3", printed.values().getProperty("train.noise"));
        assertEquals("true", printed.values().getProperty("train.augment"));
        assertEquals("--config " + recipe.toAbsolutePath(), printed.sources().get("train.noise"));
        assertEquals("10", printed.values().getProperty("train.epochs"), "the built-in default of epochs");
        assertEquals("info", printed.values().getProperty("log-level"));
        assertFalse(printed.values().containsKey("train.dropout"), "not set: printed as a comment");
        try (var files = Files.list(dir)) {
            assertEquals(List.of(recipe), files.toList(), "nothing trained, nothing written");
        }
    }

    @Test
    void everyCommandTakesAConfigFileWithKeysOfItsOwn() throws Exception {
        Path recipe = write(dir.resolve("kaggle.properties"), "kaggle.submit.model=models/cnn.zip", "evaluate.noise=0.12");

        CliErrorsTest.Run submit = CliErrorsTest.run("kaggle", "submit", "--config", recipe.toString(), "--print-config");
        CliErrorsTest.Run evaluate = CliErrorsTest.run("evaluate", "--config", recipe.toString(), "--print-config");

        assertEquals(0, submit.code(), submit.err());
        assertEquals("models/cnn.zip", Printed.of(submit.out()).values().getProperty("kaggle.submit.model"));
        assertEquals(0, evaluate.code(), evaluate.err());
        assertEquals("0.12", Printed.of(evaluate.out()).values().getProperty("evaluate.noise"));
    }

    @Test
    void anUnknownKeyIsOneLineNamingTheFileTheKeyAndTheKeysAllowed() throws Exception {
        Path recipe = write(dir.resolve("typo.properties"), "train.epoch=12");

        CliErrorsTest.Run run = CliErrorsTest.run("train", "--config", recipe.toString(), "--model", "cnn", "--out", "x.zip");

        assertEquals(2, run.code(), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().startsWith("error: " + recipe.toAbsolutePath() + ": unknown key 'train.epoch'; train's keys are "), run.err());
        assertTrue(run.err().contains("train.epochs"), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
    }

    @Test
    void aKeyOfNoCommandListsTheCommands() throws Exception {
        write(userFile, "trian.epochs=12");

        CliErrorsTest.Run run = CliErrorsTest.run("evaluate", "--model", "models/cnn.zip");

        assertEquals(2, run.code(), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().startsWith("error: " + userFile.toAbsolutePath() + ": unknown key 'trian.epochs'; a key is "
                + "<command>.<option>"), run.err());
        assertTrue(run.err().contains("commands: ") && run.err().contains("train"), run.err());
    }

    @Test
    void aValueOfTheWrongTypeNamesTheFileTheKeyAndWhatIsAllowed() throws Exception {
        Path recipe = write(dir.resolve("bad.properties"), "train.epochs=twelve");

        CliErrorsTest.Run run = CliErrorsTest.run("train", "--config", recipe.toString(), "--model", "cnn", "--out", "x.zip");

        assertEquals(2, run.code(), run.err());
        assertEquals("error: " + recipe.toAbsolutePath() + ": train.epochs=twelve is not allowed; train.epochs takes a whole number",
                run.err().strip());
    }

    @Test
    void aValueOutOfRangeOrNotAChoiceNamesTheFileTheKeyAndWhatIsAllowed() throws Exception {
        write(userFile, "train.epochs=0");
        Path recipe = write(dir.resolve("model.properties"), "train.model=rnn");

        CliErrorsTest.Run range = CliErrorsTest.run("train", "--model", "cnn", "--out", dir.resolve("x.zip").toString());
        CliErrorsTest.Run choice = CliErrorsTest.run("train", "--config", recipe.toString(), "--epochs", "2", "--out", "x.zip");
        write(userFile, "log-level=loud");
        CliErrorsTest.Run level = CliErrorsTest.run("evaluate", "--model", "models/cnn.zip");

        assertEquals(2, range.code(), range.err());
        assertEquals("error: " + userFile.toAbsolutePath() + ": train.epochs=0 is not allowed; train.epochs takes a whole number "
                + "of at least 1", range.err().strip());
        assertEquals(2, choice.code(), choice.err());
        assertEquals("error: " + recipe.toAbsolutePath() + ": train.model=rnn is not allowed; train.model takes one of cnn, mlp, lenet",
                choice.err().strip());
        assertEquals(2, level.code(), level.err());
        assertEquals("error: " + userFile.toAbsolutePath() + ": log-level=loud is not allowed; log-level takes one of trace, debug, "
                + "info, warn, error, off", level.err().strip());
        assertTrue(Files.notExists(dir.resolve("x.zip")));
    }

    @Test
    void theSameValueTypedOnTheCommandLineKeepsTheCommandLinesMessage() {
        CliErrorsTest.Run run = CliErrorsTest.run("train", "--model", "cnn", "--epochs", "0", "--out", "x.zip");

        assertEquals(2, run.code(), run.err());
        assertEquals("error: --epochs takes a whole number of at least 1, not 0", run.err().strip());
    }

    @Test
    void aConfigFileThatIsNotThereIsOneLine() {
        Path missing = dir.resolve("nope.properties");

        CliErrorsTest.Run run = CliErrorsTest.run("train", "--config", missing.toString(), "--model", "cnn", "--out", "x.zip");

        assertEquals(2, run.code(), run.err());
        assertEquals("error: " + missing.toAbsolutePath() + ": no such configuration file", run.err().strip());
    }

    @Test
    void theEntryPointReadsTheFilesAndTheLoggingBeforeAnyCommandAndOpensTheAppWithoutOne() throws Exception {
        Path recipe = write(dir.resolve("app.properties"), "train.epochs=3", "log-level=warn", "log-file=" + dir.resolve("x.log"));

        StartupOptions app = StartupOptions.parse("--config", recipe.toString());
        StartupOptions command = StartupOptions.parse("train", "--model", "cnn", "--config=" + recipe, "--log-level", "debug");
        StartupOptions plain = StartupOptions.parse();
        StartupOptions missing = StartupOptions.parse("--config", dir.resolve("nope.properties").toString());

        assertTrue(app.opensApp(), "no command: the app, with the file");
        assertEquals(recipe.toAbsolutePath(), app.configFile());
        assertEquals(CommonOptions.LogLevel.warn, app.logLevel(), "from the file");
        assertEquals(dir.resolve("x.log").toString(), app.logFile());
        assertFalse(command.opensApp());
        assertEquals(CommonOptions.LogLevel.debug, command.logLevel(), "typed beats the file");
        assertTrue(plain.opensApp());
        assertEquals(CommonOptions.LogLevel.info, plain.logLevel());
        assertNull(plain.configFile());
        assertEquals(dir.resolve("nope.properties").toAbsolutePath() + ": no such configuration file", missing.problem());
        assertEquals(3, AppTrainDefaults.from(app.files()).request().config().epochs(), "the Train tab gets the file's epochs");
    }

    @Test
    void theTrainTabStartsFromTheSameDefaultsAsTrain() throws Exception {
        AppTrainDefaults tab = AppTrainDefaults.from(SettingsFiles.none());
        CliErrorsTest.Run train = CliErrorsTest.run("train", "--model", "cnn", "--out", "x.zip", "--print-config");

        assertNull(tab.problem());
        assertEquals(TrainingRequest.DEFAULT, tab.request());
        Properties printed = Printed.of(train.out()).values();
        assertEquals(String.valueOf(TrainingRequest.DEFAULT.config().epochs()), printed.getProperty("train.epochs"));
        assertEquals(String.valueOf(TrainingRequest.DEFAULT.config().batchSize()), printed.getProperty("train.batch"));
        assertEquals(String.valueOf(TrainingRequest.DEFAULT.config().learningRate()), printed.getProperty("train.lr"));
    }

    @Test
    void aBadFileGivesTheTrainTabTheBuiltInDefaultsAndTheLineToShow() throws Exception {
        Path recipe = write(dir.resolve("bad.properties"), "train.batch=-5");

        AppTrainDefaults tab = AppTrainDefaults.from(SettingsFiles.load(recipe));

        assertEquals(TrainingRequest.DEFAULT, tab.request());
        assertEquals(recipe.toAbsolutePath() + ": train.batch=-5 is not allowed; train.batch takes a whole number of at least 1",
                tab.problem());
    }
}
