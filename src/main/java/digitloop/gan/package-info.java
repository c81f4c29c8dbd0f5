/**
 * A conditional GAN that draws digits of a chosen label: the generator and discriminator networks, their
 * training loop with checkpoints, the generator file, sampling by label and the measures of what it draws
 * (label fidelity and a Fréchet distance in the default CNN's features). No Swing, no terminal.
 */
package digitloop.gan;
