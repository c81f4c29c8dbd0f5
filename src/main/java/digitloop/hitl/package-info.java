/**
 * The human in the loop: the pool of unlabelled training images, strategies that pick what to ask
 * (entropy, margin, least confidence, random, BALD, variation ratios), the crash-safe label journal,
 * the oracle that stands in for a person in experiments, retraining on the answers, and the report
 * that compares what the labels bought against the same budget spent at random.
 */
package digitloop.hitl;
