package digitloop.model;

/** Softmax probabilities {@code [n][10]} and free energies {@code [n]} of a batch of inputs. */
public record Scores(float[][] probabilities, float[] energy) {
    public int size() { return energy.length; }

    public int argmax(int i) {
        float[] p = probabilities[i];
        int best = 0;
        for (int c = 1; c < p.length; c++) if (p[c] > p[best]) best = c;
        return best;
    }

    /** The most probable class of every sample. */
    public int[] predictions() {
        int[] p = new int[size()];
        for (int i = 0; i < p.length; i++) p[i] = argmax(i);
        return p;
    }

    public float maxProbability(int i) {
        return probabilities[i][argmax(i)];
    }
}
