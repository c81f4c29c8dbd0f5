/**
 * What long work needs from whoever runs it, whether that is the desktop app, a command or a test: one
 * {@link digitloop.task.CancellationToken}, one {@link digitloop.task.ProgressSink}, and the one line a
 * person reads when the work fails ({@link digitloop.task.UserMessages}). Below every engine package and
 * both front ends; see docs/architecture.md.
 */
package digitloop.task;
