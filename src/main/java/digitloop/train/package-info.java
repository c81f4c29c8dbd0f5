/**
 * The training loop and its metrics: mini-batches with Adam, seeded shuffling and augmentation,
 * progress events per batch and epoch, best-on-validation checkpoints, early stopping and
 * cancellation, and DL4J's Evaluation for accuracy, per-class metrics and the confusion matrix.
 */
package digitloop.train;
