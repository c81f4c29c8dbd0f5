package digitloop.canvas;

/**
 * An image reduced to ink intensity in [0, 1] (1 = full ink), whatever its polarity, as
 * {@link PageInk} reads it: {@code inverted} says the ink was darker than the page.
 */
record InkImage(float[] ink, int width, int height, boolean inverted) {

    float at(int x, int y) {
        return ink[y * width + x];
    }
}
