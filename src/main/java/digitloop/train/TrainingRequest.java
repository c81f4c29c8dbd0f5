package digitloop.train;

import digitloop.data.Degradation;
import digitloop.model.ArchitectureSpec;
import digitloop.model.CnnSpec;

/**
 * Everything that defines one training run from the raw MNIST training images.
 *
 * @param trainLimit use only the first this-many training images (0 = all), for quick runs
 */
public record TrainingRequest(String name, ArchitectureSpec architecture, Degradation degradation,
                              TrainingConfig config, int trainLimit) {
    /**
     * The built-in default of every training setting, the one both front ends start from (then the
     * configuration files, then what the person types): the default CNN on clean input, {@link TrainingConfig#DEFAULT},
     * all training images.
     */
    public static final TrainingRequest DEFAULT = new TrainingRequest("", CnnSpec.DEFAULT,
            new Degradation(0, false, Degradation.DEFAULT_SEED), TrainingConfig.DEFAULT, 0);
}
