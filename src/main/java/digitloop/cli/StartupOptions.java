package digitloop.cli;

import digitloop.files.SettingsFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Unmatched;

/**
 * The options a run needs before any command is made: the configuration files and the logging, which
 * slf4j-simple reads once, at the first logger. picocli parses them from the whole command line
 * (everything else is left for the command) with the files' values below, as for any option.
 *
 * @param files   the layers, or {@link SettingsFiles#none()} when {@code problem} is set
 * @param problem a configuration file that cannot be read, as one line; null when all is well
 * @param opensApp no command was given: the desktop app opens (with these files)
 */
public record StartupOptions(SettingsFiles files, CommonOptions.LogLevel logLevel, String logFile, boolean opensApp,
                             String problem) {
    @Command(name = "digitloop")
    static final class Front {
        @Mixin
        CommonOptions common = new CommonOptions();
        @Unmatched
        List<String> rest = new ArrayList<>();
    }

    public static StartupOptions parse(String... args) {
        Front plain = parse(args, null);
        SettingsFiles files;
        try {
            files = SettingsFiles.load(plain == null ? null : plain.common.config);
        } catch (SettingsFiles.SettingsFileException e) {
            return new StartupOptions(SettingsFiles.none(), CommonOptions.LogLevel.info, null, false, e.getMessage());
        }
        Front front = parse(args, files);
        // A bad value is reported by the command's own parse (it names the file or the option); logging keeps its defaults.
        if (front == null) return new StartupOptions(files, CommonOptions.LogLevel.info, null, false, null);
        boolean app = front.rest.isEmpty() && !front.common.printConfig;
        return new StartupOptions(files, front.common.logLevel, front.common.logFile, app, null);
    }

    private static Front parse(String[] args, SettingsFiles files) {
        Front front = new Front();
        CommandLine cli = new CommandLine(front);
        cli.setUnmatchedOptionsArePositionalParams(true);
        if (files != null) cli.setDefaultValueProvider(new LayeredDefaults(files));
        try {
            cli.parseArgs(args);
            return front;
        } catch (CommandLine.ParameterException e) {
            return null;
        }
    }

    /** The file given with {@code --config}, as the desktop app reports it; null when none. */
    public Path configFile() {
        return files.layers().stream().filter(l -> l.label().startsWith("--config")).map(SettingsFiles.Layer::file)
                .findFirst().orElse(null);
    }
}
