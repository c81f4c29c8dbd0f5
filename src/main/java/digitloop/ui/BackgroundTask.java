package digitloop.ui;

import digitloop.task.TaskContext;

/** Long work for a {@link TaskRunner}: runs off the EDT, reports progress, honours cancel. */
@FunctionalInterface
public interface BackgroundTask<T> {
    T run(TaskContext context) throws Exception;
}
