package digitloop.gan;

/**
 * How a GAN is trained: epochs, batch, Adam's learning rate and β1 (2e-4 and 0.5 are Radford et al. 2016's
 * DCGAN settings), the seed of initialisation, shuffling and noise, and how many training images (0 = all).
 */
public record GanConfig(int epochs, int batch, double learningRate, double beta1, long seed, int limit) {
    public static final GanConfig DEFAULT = new GanConfig(20, 64, 2e-4, 0.5, 1, 0);

    public GanConfig {
        if (epochs < 1) throw new IllegalArgumentException("--epochs must be at least 1, got " + epochs);
        if (batch < 2 || batch > 4096) throw new IllegalArgumentException("--batch must be 2-4096, got " + batch);
        if (!(learningRate > 0 && learningRate < 1)) throw new IllegalArgumentException("--lr must be in (0, 1), got " + learningRate);
        if (!(beta1 >= 0 && beta1 < 1)) throw new IllegalArgumentException("--beta1 must be in [0, 1), got " + beta1);
        if (limit < 0) throw new IllegalArgumentException("--limit must not be negative, got " + limit);
    }

    public GanConfig withEpochs(int e) { return new GanConfig(e, batch, learningRate, beta1, seed, limit); }
}
