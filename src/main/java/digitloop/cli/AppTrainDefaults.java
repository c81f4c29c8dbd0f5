package digitloop.cli;

import digitloop.files.SettingsFiles;
import digitloop.model.CnnSpec;
import digitloop.model.LeNetSpec;
import digitloop.model.MlpSpec;
import digitloop.train.TrainingRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;

/**
 * The desktop app's Train-tab defaults: what {@code train} resolves from the same configuration files
 * with nothing typed, through the same options and checks, so the tab and the command start alike.
 *
 * @param problem the line saying which file, key and value cannot be used (the tab then starts from the
 *                built-in defaults); null when the files were fine
 */
public record AppTrainDefaults(TrainingRequest request, String problem) {
    public static AppTrainDefaults from(SettingsFiles files) {
        CommandLine cli = new CommandLine(new RootCommand());
        LayeredDefaults defaults = new LayeredDefaults(files);
        String unknown = defaults.firstUnknownKey(cli);
        if (unknown != null) return builtIn(unknown);
        cli.setDefaultValueProvider(defaults);
        List<String> args = new ArrayList<>(List.of("train"));
        // train asks for these two; the tab has its own model choice (the built-in default's) and names its runs itself.
        if (files.find("train.model").isEmpty()) args.addAll(List.of("--model", kind(TrainingRequest.DEFAULT)));
        if (files.find("train.out").isEmpty()) args.addAll(List.of("--out", "train-tab.zip"));
        try {
            CommandLine.ParseResult parsed = cli.parseArgs(args.toArray(String[]::new));
            TrainCommand train = (TrainCommand) parsed.subcommand().commandSpec().userObject();
            TrainingRequest r = train.request();
            return new AppTrainDefaults(new TrainingRequest("", r.architecture(), r.degradation(), r.config(), r.trainLimit()), null);
        } catch (CommandLine.ParameterException e) {
            String line = BadSetting.describe(e, defaults);
            return builtIn(line != null ? line : e.getMessage());
        } catch (IllegalArgumentException e) {
            return builtIn(files.layers().stream().map(l -> l.file().toString()).collect(Collectors.joining(", "))
                    + ": " + e.getMessage());
        }
    }

    private static AppTrainDefaults builtIn(String problem) {
        return new AppTrainDefaults(TrainingRequest.DEFAULT, problem);
    }

    private static String kind(TrainingRequest r) {
        if (r.architecture() instanceof MlpSpec) return "mlp";
        if (r.architecture() instanceof LeNetSpec) return "lenet";
        if (r.architecture() instanceof CnnSpec) return "cnn";
        throw new IllegalStateException("no --model for " + r.architecture());
    }
}
