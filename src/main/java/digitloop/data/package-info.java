/**
 * Digit data at the centre of DigitLoop: {@link digitloop.data.Digits} (immutable images, labels and
 * stable sample ids), reading and writing IDX files, and the {@link digitloop.data.DatasetStore} that
 * finds, fetches and verifies MNIST on disk. The seeded degradations (noise, 14x14 pooling) live here
 * too, so training, review and the canvas all apply exactly the same one; nothing in this package
 * knows about models, training or the user interface.
 */
package digitloop.data;
