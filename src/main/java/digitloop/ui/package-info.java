/**
 * The desktop app: one window with Train, Review, Draw and Results tabs (FlatLaf, JFreeChart).
 * Long work goes through {@link digitloop.ui.TaskRunner}, never on the Event Dispatch Thread; the
 * engine packages know nothing of this package.
 */
package digitloop.ui;
