package digitloop.task;

import digitloop.files.RunLog;
import java.io.FileNotFoundException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** Turns an exception into the one line a person should read; both front ends show it. */
public final class UserMessages {
    private UserMessages() {
    }

    public static String of(Throwable e) {
        if (e instanceof NoSuchFileException n) return "no such file: " + n.getFile();
        if (e instanceof AccessDeniedException a) return "cannot write or read " + a.getFile() + ": permission denied";
        if (e instanceof FileNotFoundException f) return f.getMessage();
        if (e instanceof OutOfMemoryError) return "out of memory; give Java more with JAVA_OPTS='-Xmx6g -Dorg.bytedeco.javacpp.maxphysicalbytes=10G -XX:+ExplicitGCInvokesConcurrent'";
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName() + (e.getCause() != null ? ": " + of(e.getCause()) : "");
        }
        return message.lines().findFirst().orElse(message);
    }

    /** "details in <this run's log file>", for the end of a command's error line. */
    public static String details() {
        return "details in " + RunLog.describe();
    }
}
