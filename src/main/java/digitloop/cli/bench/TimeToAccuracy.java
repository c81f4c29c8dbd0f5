package digitloop.cli.bench;

import digitloop.data.Augmentation;
import digitloop.data.DatasetStore;
import digitloop.data.Degradation;
import digitloop.model.CnnSpec;
import digitloop.task.CancellationToken;
import digitloop.train.TrainingConfig;
import digitloop.train.TrainingListener;
import digitloop.train.TrainingPipeline;
import digitloop.train.TrainingRequest;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * Time from nothing (data on disk, no network built) to a model at ≥ 99.0 % test accuracy, with a
 * recipe whose epochs are fixed in advance: a small conv-BN CNN (16-32 channels, 5x5, dense 128,
 * dropout 0.25), batch 64, Adam 2e-3 halved after each epoch, three epochs over all 60,000 images.
 * The time counts reading the data, training and the final test. Measured with the same schedule:
 * LeNet (DL4J's, linear convolutions) reached 98.74 % after two epochs at 2e-3 and 98.79 % at 1e-3;
 * this CNN 98.90 % after two epochs and 99.01 % after three.
 */
final class TimeToAccuracy {
    static final CnnSpec NETWORK = new CnnSpec(List.of(16, 32), 5, 128, 0.25);
    static final TrainingConfig RECIPE = new TrainingConfig(3, 64, 2e-3, 0.5, 1, 0.0, 0, Augmentation.NONE);

    record Result(double seconds, double accuracy) {
        String describe() {
            return String.format(Locale.ROOT, "Fresh start to 99 %%: %s, batch 64, Adam 2e-3 halved each epoch, 3 fixed epochs on "
                    + "all 60,000 training images; final test accuracy %.2f %% (%s the 99.0 %% bar).", NETWORK.describe(), accuracy * 100,
                    accuracy >= 0.99 ? "meets" : "misses");
        }
    }

    private TimeToAccuracy() {
    }

    static Result measure(DatasetStore store) throws IOException {
        long start = System.nanoTime();
        TrainingPipeline.Outcome outcome = TrainingPipeline.run(
                new TrainingRequest("time-to-99", NETWORK, Degradation.NONE, RECIPE, 0),
                store.train(), store.test(), TrainingListener.NONE, CancellationToken.none());
        return new Result((System.nanoTime() - start) / 1e9, outcome.test().accuracy());
    }
}
