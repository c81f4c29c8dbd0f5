package digitloop.gan;

/**
 * The shape of a conditional GAN: noise size, label-embedding size, the loss, and the channel counts of the
 * generator (its 7×7 block; the 14×14 and 28×28 blocks halve it) and of the discriminator (its first block; the second doubles it),
 * and the weight of the discriminator's digit-naming term ({@link DiscriminatorLoss}; 0 = a plain conditional GAN,
 * which is what a file written before the term existed reads as).
 */
public record GanSpec(int zSize, int embeddingSize, GanLoss loss, int generatorChannels, int discriminatorChannels, double classWeight) {
    public static final int SIDE = 28;
    public static final int PIXELS = SIDE * SIDE;
    public static final int LABELS = 10;

    public static final GanSpec DEFAULT = new GanSpec(64, 16, GanLoss.LEAST_SQUARES, 64, 32, 0);

    public GanSpec {
        if (zSize < 1 || zSize > 1024) throw new IllegalArgumentException("the noise size must be 1-1024, got " + zSize);
        if (embeddingSize < 1 || embeddingSize > 256) {
            throw new IllegalArgumentException("the label-embedding size must be 1-256, got " + embeddingSize);
        }
        if (loss == null) throw new IllegalArgumentException("no loss given");
        if (generatorChannels < 4 || generatorChannels % 4 != 0 || generatorChannels > 512) {
            throw new IllegalArgumentException("the generator's channels must be a multiple of 4 in 4-512, got " + generatorChannels);
        }
        if (discriminatorChannels < 1 || discriminatorChannels > 256) {
            throw new IllegalArgumentException("the discriminator's channels must be 1-256, got " + discriminatorChannels);
        }
        if (!(classWeight >= 0 && classWeight <= 100)) {
            throw new IllegalArgumentException("the naming weight (--class-weight) must be 0-100, got " + classWeight);
        }
    }

    public GanSpec withZ(int z) { return new GanSpec(z, embeddingSize, loss, generatorChannels, discriminatorChannels, classWeight); }

    public GanSpec withEmbedding(int e) { return new GanSpec(zSize, e, loss, generatorChannels, discriminatorChannels, classWeight); }

    public GanSpec withLoss(GanLoss l) { return new GanSpec(zSize, embeddingSize, l, generatorChannels, discriminatorChannels, classWeight); }

    public GanSpec withClassWeight(double w) { return new GanSpec(zSize, embeddingSize, loss, generatorChannels, discriminatorChannels, w); }

    public String describe() {
        return String.format(java.util.Locale.ROOT, "conditional GAN z %d + label embedding %d, generator %d-%d-%d, discriminator %d-%d, %s%s",
                zSize, embeddingSize, generatorChannels, generatorChannels / 2, generatorChannels / 4,
                discriminatorChannels, discriminatorChannels * 2, loss.describe(),
                classWeight > 0 ? String.format(java.util.Locale.ROOT, ", naming weight %.2g", classWeight) : "");
    }
}
