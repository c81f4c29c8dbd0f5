/**
 * Own images to model input: reading image files safely, the MNIST recipe (polarity, ink bounding
 * box to 20 px, centre of mass at the centre) that makes a drawing look like the data the model
 * learnt from, and splitting a row of digits into one such image per digit. Uses java.awt.image
 * and javax.imageio only, never a display.
 */
package digitloop.canvas;
