package digitloop.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Options every command has (picocli copies inherited options into each subcommand). The logging two
 * are read before picocli runs the command too ({@link StartupOptions}): slf4j-simple takes its level
 * and file once, when the first logger is made.
 */
public final class CommonOptions {
    /** slf4j-simple's levels. */
    public enum LogLevel { trace, debug, info, warn, error, off }

    @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Settings from this properties file: command line > this file > ~/.digitloop/config.properties > "
                    + "built-in default (docs/configuration.md).")
    Path config;

    @Option(names = "--print-config", scope = ScopeType.INHERIT,
            description = "Print each setting of the command, its value and where it came from, and stop.")
    boolean printConfig;

    @Option(names = "--log-level", paramLabel = "LEVEL", scope = ScopeType.INHERIT,
            description = "Log level: trace, debug, info, warn, error or off (default: ${DEFAULT-VALUE}).")
    LogLevel logLevel = LogLevel.info;

    @Option(names = "--log-file", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Log to this file, or System.err (default: this run's own file under logs/).")
    String logFile;
}
