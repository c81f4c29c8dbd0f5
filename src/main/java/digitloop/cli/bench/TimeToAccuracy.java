package digitloop.cli.bench;

import digitloop.data.Augmentation;
import digitloop.data.DatasetStore;
import digitloop.data.Degradation;
import digitloop.model.LeNetSpec;
import digitloop.train.CancellationToken;
import digitloop.train.TrainingConfig;
import digitloop.train.TrainingListener;
import digitloop.train.TrainingPipeline;
import digitloop.train.TrainingRequest;
import java.io.IOException;
import java.util.Locale;

/**
 * Time from nothing (data on disk, no network built) to a model at ≥ 99.0 % test accuracy, with a
 * recipe whose epochs are fixed in advance: LeNet, batch 64, Adam 2e-3 halved after each epoch,
 * two epochs over all 60,000 images. The time counts reading the data, training and the final test.
 */
final class TimeToAccuracy {
    static final TrainingConfig RECIPE = new TrainingConfig(2, 64, 2e-3, 0.5, 1, 0.0, 0, Augmentation.NONE);

    record Result(double seconds, double accuracy) {
        String describe() {
            return String.format(Locale.ROOT, "Fresh start to 99 %%: LeNet, batch 64, Adam 2e-3 halved each epoch, 2 fixed epochs on "
                    + "all 60,000 training images; final test accuracy %.2f %% (%s the 99.0 %% bar).", accuracy * 100,
                    accuracy >= 0.99 ? "meets" : "misses");
        }
    }

    private TimeToAccuracy() {
    }

    static Result measure(DatasetStore store) throws IOException {
        long start = System.nanoTime();
        TrainingPipeline.Outcome outcome = TrainingPipeline.run(
                new TrainingRequest("time-to-99", LeNetSpec.DEFAULT, Degradation.NONE, RECIPE, 0),
                store.train(), store.test(), TrainingListener.NONE, CancellationToken.none());
        return new Result((System.nanoTime() - start) / 1e9, outcome.test().accuracy());
    }
}
