package digitloop.cli;

import digitloop.files.SettingsFiles;
import java.util.TreeSet;
import picocli.CommandLine;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ScopeType;

/**
 * Defaults from the configuration files, for picocli: an option that is not on the command line takes
 * the value of its key in the highest file that has it, else its built-in default. A key is the
 * command's path and the option's long name without dashes ({@code train.epochs}, {@code kaggle.submit.test});
 * the options every command has ({@link CommonOptions}) have no command part ({@code log-level}). One key
 * names one option of one command, so a key that names none can be refused rather than ignored.
 */
final class LayeredDefaults implements IDefaultValueProvider {
    private final SettingsFiles files;

    LayeredDefaults(SettingsFiles files) {
        this.files = files;
    }

    SettingsFiles files() {
        return files;
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option)) return null;
        String key = key(option);
        if (key == null) return null;
        return files.find(key).map(SettingsFiles.Found::value).orElse(null);
    }

    /**
     * The file and value an option takes, or null when it was typed or no file has it. Looked up again rather
     * than remembered: picocli asks for an inherited option once, on the root, and only once the subcommand
     * parsed without error.
     */
    SettingsFiles.Found source(OptionSpec option) {
        String key = key(option);
        return key == null || givenOnCommandLine(option) ? null : files.find(key).orElse(null);
    }

    /** Typed by the person; an inherited option may have been typed before the subcommand, on a parent. */
    static boolean givenOnCommandLine(OptionSpec option) {
        if (!option.originalStringValues().isEmpty()) return true;
        if (option.scopeType() != ScopeType.INHERIT) return false;
        for (CommandSpec c = option.command() == null ? null : option.command().parent(); c != null; c = c.parent()) {
            OptionSpec same = c.findOption(option.longestName());
            if (same != null && !same.originalStringValues().isEmpty()) return true;
        }
        return false;
    }

    /** An option's key, or null for those a file cannot set (help, version, --config, --print-config). */
    static String key(OptionSpec option) {
        if (option.usageHelp() || option.versionHelp()) return null;
        String name = option.longestName().replaceFirst("^-+", "");
        if (option.scopeType() == ScopeType.INHERIT) {
            return name.equals("config") || name.equals("print-config") ? null : name;
        }
        String path = commandPath(option.command());
        return path.isEmpty() ? name : path + "." + name;
    }

    /** "train", "kaggle.submit": the command's qualified name without the root's. */
    static String commandPath(CommandSpec command) {
        String qualified = command.qualifiedName(".");
        int dot = qualified.indexOf('.');
        return dot < 0 ? "" : qualified.substring(dot + 1);
    }

    /** Every key of every command under {@code root}. */
    static TreeSet<String> knownKeys(CommandLine root) {
        TreeSet<String> keys = new TreeSet<>();
        collect(root, keys);
        return keys;
    }

    private static void collect(CommandLine command, TreeSet<String> keys) {
        for (OptionSpec o : command.getCommandSpec().options()) {
            String key = key(o);
            if (key != null) keys.add(key);
        }
        for (CommandLine sub : command.getSubcommands().values()) collect(sub, keys);
    }

    /**
     * The first key of any file that names no option, as the line a person reads: the file, the key and
     * the keys that are allowed (the command's, when the key starts with a command's path); null when all are known.
     */
    String firstUnknownKey(CommandLine root) {
        TreeSet<String> known = knownKeys(root);
        for (SettingsFiles.Layer layer : files.layers()) {
            for (String key : layer.keys()) {
                if (known.contains(key)) continue;
                String command = commandOf(key, root);
                String allowed = command == null
                        ? "a key is <command>.<option>, e.g. train.epochs, or log-level / log-file; commands: "
                                + String.join(", ", commands(root))
                        : command + "'s keys are " + String.join(", ", known.stream().filter(k -> k.startsWith(command + ".")
                                && k.indexOf('.', command.length() + 1) < 0).toList()) + ", log-level, log-file";
                return layer.file() + ": unknown key '" + key + "'; " + allowed;
            }
        }
        return null;
    }

    /** The longest command path that {@code key} starts with, or null. */
    private static String commandOf(String key, CommandLine root) {
        String best = null;
        for (String c : commands(root)) {
            if (key.startsWith(c + ".") && (best == null || c.length() > best.length())) best = c;
        }
        return best;
    }

    private static TreeSet<String> commands(CommandLine root) {
        TreeSet<String> paths = new TreeSet<>();
        collectCommands(root, paths);
        paths.remove("");
        return paths;
    }

    private static void collectCommands(CommandLine command, TreeSet<String> paths) {
        paths.add(commandPath(command.getCommandSpec()));
        for (CommandLine sub : command.getSubcommands().values()) collectCommands(sub, paths);
    }
}
