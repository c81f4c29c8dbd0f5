/**
 * Own images to model input: reading image files safely, and the MNIST recipe (polarity, ink
 * bounding box to 20 px, centre of mass at the centre) that makes a drawing look like the data the
 * model learnt from. Uses java.awt.image only, never a display.
 */
package digitloop.canvas;
