package digitloop.hitl;

/**
 * How doubtful a flagged label is, as in cleanlab's {@code get_label_quality_scores}: in [0, 1],
 * lower is more likely an error (Northcutt et al. 2021, "Confident Learning", section 3; cleanlab's
 * "rank_by_kwargs").
 */
public enum LabelQuality {
    /** The out-of-sample probability of the given label: cleanlab's default. */
    SELF_CONFIDENCE,
    /** (p(given) − max p(other) + 1) / 2: also low when another class is clearly preferred. */
    NORMALIZED_MARGIN;

    double score(float[] p, int given) {
        if (this == SELF_CONFIDENCE) return p[given];
        float other = 0;
        for (int k = 0; k < p.length; k++) if (k != given) other = Math.max(other, p[k]);
        return (p[given] - other + 1) / 2.0;
    }
}
