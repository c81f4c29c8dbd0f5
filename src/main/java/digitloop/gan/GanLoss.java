package digitloop.gan;

/** The adversarial loss. Least squares (Mao et al. 2017, LSGAN) trained more stably than BCE in the original system. */
public enum GanLoss {
    LEAST_SQUARES("least squares (LSGAN)"),
    BCE("binary cross-entropy");

    private final String description;

    GanLoss(String description) {
        this.description = description;
    }

    public String describe() { return description; }
}
