package digitloop.cli;

import digitloop.data.Degradation;
import digitloop.model.ArchitectureSpec;
import digitloop.model.CnnSpec;
import digitloop.model.LeNetSpec;
import digitloop.model.MlpSpec;
import java.util.List;
import picocli.CommandLine.Option;

/** Options shared by commands that choose a model and an input. */
public final class ArchitectureOptions {
    enum Kind { cnn, mlp, lenet }

    @Option(names = "--model", required = true, description = "cnn, mlp or lenet.")
    Kind kind;

    @Option(names = "--noise", description = "Gaussian noise sigma on [0,1] pixels (default: none).")
    double noise;

    @Option(names = "--downsample", description = "Input side after 2x2 average pooling; only 14 is supported.")
    Integer downsample;

    @Option(names = "--dropout", description = "Dropout before the output layer (default: the model's own: CNN 0.4, MLP 0.3, LeNet 0).")
    Double dropout;

    @Option(names = "--noise-seed", description = "Seed of the noise (default: ${DEFAULT-VALUE}).")
    long noiseSeed = Degradation.DEFAULT_SEED;

    @Option(names = "--layers", split = ",", paramLabel = "N,N,...",
            description = "CNN: channels per conv block (default 32,64,128); MLP: hidden units (default 512,256,128).")
    List<Integer> layers;

    @Option(names = "--kernel", description = "CNN convolution kernel side (default: 3).")
    Integer kernel;

    @Option(names = "--dense", description = "CNN dense layer size before the output (default: 256).")
    Integer dense;

    ArchitectureSpec spec() {
        if (kind != Kind.cnn && (kernel != null || dense != null)) {
            throw new IllegalArgumentException("--kernel and --dense apply to --model cnn only, not " + kind);
        }
        if (kind == Kind.lenet && layers != null) {
            throw new IllegalArgumentException("LeNet's layers are fixed (20, 50); --layers applies to cnn and mlp");
        }
        return switch (kind) {
            case cnn -> new CnnSpec(or(layers, CnnSpec.DEFAULT.channels()), or(kernel, CnnSpec.DEFAULT.kernel()),
                    or(dense, CnnSpec.DEFAULT.dense()), or(dropout, CnnSpec.DEFAULT.dropout()));
            case mlp -> new MlpSpec(or(layers, MlpSpec.DEFAULT.hidden()), MlpSpec.DEFAULT.activation(), or(dropout, MlpSpec.DEFAULT.dropout()));
            case lenet -> dropout == null ? LeNetSpec.DEFAULT : new LeNetSpec(dropout);
        };
    }

    private static <T> T or(T given, T fallback) {
        return given == null ? fallback : given;
    }

    /** The values a file or the command line can get wrong, as {@link BadSetting}s naming the option. */
    void checkRanges(picocli.CommandLine.Model.CommandSpec command) {
        BadSetting.require(command, "--noise", noise >= 0, noise, "a number of at least 0 (the σ of the noise, 0 = none)");
        BadSetting.require(command, "--downsample", downsample == null || downsample == 14, downsample, "14 (2x2 average pooling of 28x28)");
        BadSetting.require(command, "--dropout", dropout == null || (dropout >= 0 && dropout < 1), dropout, "a share from 0 up to 1");
        BadSetting.require(command, "--layers", layers == null || (!layers.isEmpty() && layers.stream().allMatch(n -> n != null && n >= 1)),
                layers, "whole numbers of at least 1 separated by commas, e.g. 32,64");
        BadSetting.require(command, "--kernel", kernel == null || kernel >= 1, kernel, "a whole number of at least 1");
        BadSetting.require(command, "--dense", dense == null || dense >= 1, dense, "a whole number of at least 1");
    }

    Degradation degradation() {
        if (downsample != null && downsample != 14) {
            throw new IllegalArgumentException("--downsample only supports 14 (2x2 average pooling of 28x28), got " + downsample);
        }
        if (noise < 0) throw new IllegalArgumentException("--noise must be >= 0, got " + noise);
        return new Degradation(noise, downsample != null, noiseSeed);
    }
}
