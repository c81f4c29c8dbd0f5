package digitloop.hitl;

/**
 * One sample whose given label confident learning doubts.
 *
 * @param rank       1 for the most doubtful
 * @param index      the sample's position in the ranked split
 * @param id         the sample's id (the journal's sample id)
 * @param quality    the label-quality score the ranking sorts by, ascending: lower is more doubtful
 */
public record LabelIssue(int rank, int index, int id, int given, int suggested, float givenProbability, float suggestedProbability,
                         double quality) {
}
