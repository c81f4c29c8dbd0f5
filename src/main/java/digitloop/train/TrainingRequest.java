package digitloop.train;

import digitloop.data.Degradation;
import digitloop.model.ArchitectureSpec;

/**
 * Everything that defines one training run from the raw MNIST training images.
 *
 * @param trainLimit use only the first this-many training images (0 = all), for quick runs
 */
public record TrainingRequest(String name, ArchitectureSpec architecture, Degradation degradation,
                              TrainingConfig config, int trainLimit) {
}
