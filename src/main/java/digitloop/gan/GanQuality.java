package digitloop.gan;

import java.util.List;

/**
 * What a generator was measured to draw: per label and overall, the share of its digits the default CNN reads as
 * the label asked for (label fidelity), the Fréchet distance between its digits and real test digits in that CNN's
 * penultimate-layer features, and the same distance for real training digits as the floor; {@code samplesPerLabel}
 * generated digits of each label, with noise of {@code seed}, judged by {@code judge}.
 */
public record GanQuality(String judge, int samplesPerLabel, long seed, double truncation, double fidelity,
                         List<Double> fidelityPerLabel, double meanFid, List<Double> fidPerLabel, double meanFloorFid,
                         List<Double> floorFidPerLabel) {
    public GanQuality {
        fidelityPerLabel = List.copyOf(fidelityPerLabel);
        fidPerLabel = List.copyOf(fidPerLabel);
        floorFidPerLabel = List.copyOf(floorFidPerLabel);
    }

    public double lowestFidelity() {
        return fidelityPerLabel.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }
}
