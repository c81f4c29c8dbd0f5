/**
 * The human in the loop: the pool of unlabelled training images (their labels held only by an
 * {@link digitloop.hitl.Oracle}), strategies that pick what to ask (entropy, margin, least
 * confidence, random, BALD, variation ratios), the review queue, the crash-safe label journal, retraining
 * on the answers, the oracle loop with its random baseline and report, and the active-learning curve
 * protocol of Gal et al. (2017) with its resumable per-run logs, and confident learning (Northcutt et al.
 * 2021) over out-of-fold probabilities, which ranks the given labels a person should look at again.
 */
package digitloop.hitl;
