package digitloop.cli;

import digitloop.files.SettingsFiles;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A value an option does not allow, wherever it came from; {@link #describe} turns it, or picocli's own
 * conversion error, into the line a person reads: the file, the key and what is allowed when the value
 * came from a configuration file.
 */
final class BadSetting extends CommandLine.ParameterException {
    private final String allowed;

    private BadSetting(CommandSpec spec, OptionSpec option, Object value, String allowed) {
        super(spec.commandLine(), option.longestName() + " takes " + allowed + ", not " + value, option, String.valueOf(value));
        this.allowed = allowed;
    }

    /** Throws unless {@code ok}: {@code allowed} says what the option takes, e.g. "a whole number of at least 1". */
    static void require(CommandSpec spec, String option, boolean ok, Object value, String allowed) {
        if (!ok) throw new BadSetting(spec, spec.findOption(option), value, allowed);
    }

    /** The one line for {@code e}, or null to keep picocli's own message (a value typed on the command line). */
    static String describe(CommandLine.ParameterException e, LayeredDefaults defaults) {
        if (!(e.getArgSpec() instanceof OptionSpec option)) return null;
        String allowed = e instanceof BadSetting b ? b.allowed : allowedBy(option);
        SettingsFiles.Found found = defaults == null ? null : defaults.source(option);
        if (found != null) {
            String key = LayeredDefaults.key(option);
            return found.layer().file() + ": " + key + "=" + found.value() + " is not allowed; " + key + " takes " + allowed;
        }
        return e instanceof BadSetting ? e.getMessage() : null;
    }

    /** What a value of the option's type looks like. */
    static String allowedBy(OptionSpec option) {
        Class<?> type = option.type();
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            Class<?> element = option.auxiliaryTypes().length > 0 ? option.auxiliaryTypes()[0] : String.class;
            return kind(element, option) + " separated by commas";
        }
        return kind(type, option);
    }

    private static String kind(Class<?> type, OptionSpec option) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) return "a whole number";
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) return "a number, e.g. 0.3 or 1e-3";
        if (type == boolean.class || type == Boolean.class) return "true or false";
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
        }
        if (type == Path.class) return "a file or folder path";
        return "text";
    }
}
