package digitloop.train;

import digitloop.data.Digits;
import digitloop.model.LoadedModel;
import digitloop.model.ModelMetadata;
import java.time.Instant;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A "model soup" (Wortsman et al., 2022): the element-wise average of the weights of several
 * fine-tunes of one model. Fine-tunes that start from the same weights stay in one basin of the
 * loss, so their average is a model too, usually a little better than each; batch-norm statistics
 * are averaged with the rest. The trusted and energy thresholds are measured anew on validation.
 */
public final class WeightAveraging {
    private WeightAveraging() {
    }

    public static LoadedModel average(String name, List<LoadedModel> models, Digits validation) {
        if (models.size() < 2) throw new IllegalArgumentException("averaging needs at least two models, got " + models.size());
        ModelMetadata first = models.get(0).metadata();
        for (LoadedModel m : models) {
            ModelMetadata other = m.metadata();
            if (!other.architecture().equals(first.architecture()) || !other.degradation().equals(first.degradation())) {
                throw new IllegalArgumentException("only fine-tunes of one model can be averaged: " + first.name() + " is "
                        + first.architecture().describe() + " on " + first.degradation().label() + ", " + other.name() + " is "
                        + other.architecture().describe() + " on " + other.degradation().label());
            }
        }
        MultiLayerNetwork network = models.get(0).network().clone();
        INDArray sum = network.params().dup();
        for (LoadedModel m : models.subList(1, models.size())) sum.addi(m.network().params());
        network.setParams(sum.divi(models.size()));
        List<String> names = models.stream().map(m -> m.file() == null ? m.metadata().name() : m.file().getFileName().toString()).toList();
        ModelMetadata provisional = first.asAverageOf(name, names, 0, Thresholds.NO_ENERGY_LIMIT, Instant.now().toString());
        Thresholds.Measured thresholds = Thresholds.measure(network, provisional, validation);
        return new LoadedModel(network, first.asAverageOf(name, names, thresholds.trusted(), thresholds.energy(),
                Instant.now().toString()), null);
    }
}
