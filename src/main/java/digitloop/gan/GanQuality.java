package digitloop.gan;

import java.util.List;

/**
 * What a generator was measured to draw: per label and overall, the share of its digits the default CNN reads as
 * the label asked for (label fidelity), the Fréchet distance between its digits and real test digits in that CNN's
 * penultimate-layer features, and the same distance for real training digits as the floor; {@code samplesPerLabel}
 * generated digits of each label, with noise of {@code seed}, judged by {@code judge}. The spread is {@link Variety}'s
 * pixel spread of a label's generated digits, beside that of the label's real test digits: variety alone, where the
 * Fréchet distance also counts how real the digits look (0 in files measured before it was).
 */
public record GanQuality(String judge, int samplesPerLabel, long seed, double truncation, double fidelity,
                         List<Double> fidelityPerLabel, double meanFid, List<Double> fidPerLabel, double meanFloorFid,
                         List<Double> floorFidPerLabel, List<Double> spreadPerLabel, List<Double> realSpreadPerLabel) {
    public GanQuality {
        fidelityPerLabel = List.copyOf(fidelityPerLabel);
        fidPerLabel = List.copyOf(fidPerLabel);
        floorFidPerLabel = List.copyOf(floorFidPerLabel);
        spreadPerLabel = spreadPerLabel == null ? List.of() : List.copyOf(spreadPerLabel);
        realSpreadPerLabel = realSpreadPerLabel == null ? List.of() : List.copyOf(realSpreadPerLabel);
    }

    public double meanSpread() { return mean(spreadPerLabel); }

    public double meanRealSpread() { return mean(realSpreadPerLabel); }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    public double lowestFidelity() {
        return fidelityPerLabel.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }
}
