package digitloop.gan;

/**
 * One epoch of GAN training: mean generator loss (of every tenth batch) and discriminator loss (of every batch), the discriminator's mean score on real and
 * generated images, the lowest per-label variety of the fixed sample grid (see {@link Variety}) and the seconds it took.
 */
public record GanEpoch(int epoch, double generatorLoss, double discriminatorLoss, double realScore, double fakeScore,
                       double lowestVariety, int lowestVarietyLabel, double seconds) {
    public boolean finite() {
        return Double.isFinite(generatorLoss) && Double.isFinite(discriminatorLoss);
    }

    public boolean collapsed() {
        return lowestVariety < Variety.COLLAPSED;
    }
}
