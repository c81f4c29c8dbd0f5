package digitloop.ui;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import javax.swing.SwingUtilities;

/**
 * Measures how long the Event Dispatch Thread stays blocked: a daemon thread posts a tiny task every
 * 10 ms and records how late it ran. Lateness that is not the EDT being busy or blocked is reported
 * apart, in {@link #worstRawMillis()}: GC pauses, pauses every thread of the JVM felt at once (a
 * heartbeat thread tells), and time the EDT was ready to run but waited for a CPU, which Linux
 * counts per thread in {@code /proc/self/task/<tid>/schedstat}. On a 2-core machine that also trains
 * (the test, or other jobs) that wait is most of the raw figure. What is left is the EDT's own stall.
 */
final class EdtWatchdog implements AutoCloseable {
    /**
     * A stall this long is looked at for work that belongs off the EDT. Below it the sampler (from 40 ms)
     * has too few stacks to tell.
     */
    static final long LONG_STALL_NANOS = 100_000_000L;
    /**
     * Frames that must never hold the EDT: the engine (DL4J, ND4J and their natives, DigitLoop's
     * training and review layers, a classifier whose lock a worker holds), file and image I/O, and
     * waiting (sleeps, futures, latches). How long a Swing layout or paint takes depends on the machine
     * and its load; that the EDT is never in these does not.
     */
    private static final List<String> OFF_EDT_WORK = List.of("org.nd4j.", "org.deeplearning4j.", "org.bytedeco.",
            "digitloop.train.", "digitloop.hitl.", "digitloop.model.Classifier.",
            "digitloop.model.ModelFile.", "java.io.FileInputStream.", "java.io.FileOutputStream.", "java.io.RandomAccessFile.",
            "sun.nio.ch.FileChannelImpl.", "java.nio.file.Files.", "javax.imageio.ImageIO.", "java.lang.Thread.sleep",
            "jdk.internal.misc.Unsafe.park", "java.util.concurrent.FutureTask.get", "java.util.concurrent.CountDownLatch.await");
    /** Long stalls in which the EDT was sampled in {@link #OFF_EDT_WORK}, one line each with the stack. */
    private final List<String> workOnEdt = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong worstNanos = new AtomicLong();
    /** The worst lateness including garbage-collection pauses, which stop every thread, not just the EDT. */
    private final AtomicLong worstRawNanos = new AtomicLong();
    private volatile String worstDuring = "nothing";
    /** The worst wait of the EDT inside the test's own Robot sync events, reported apart. */
    private final AtomicLong worstHarnessNanos = new AtomicLong();
    /** The worst stall of each phase, for telling a start-up stall from one while drawing. */
    private final java.util.Map<String, Long> worstByPhase = new java.util.concurrent.ConcurrentSkipListMap<>();
    private volatile String phase = "start";
    private volatile boolean running = true;
    private volatile boolean paused;
    /** When the post now waiting was made (0: none waiting); a sampler reads the EDT's stack if it waits long. */
    private volatile long waitingSince;
    private volatile String worstStack = "";
    /** EDT stacks sampled every 10 ms while the post now waiting is over 40 ms late. */
    private final List<String> pendingStacks = Collections.synchronizedList(new ArrayList<>());

    EdtWatchdog() {
        Thread thread = new Thread(() -> {
            while (running) {
                long posted = System.nanoTime();
                try {
                    pendingStacks.clear();
                    long gcBefore = gcMillis();
                    long queuedBefore = edtRunQueueNanos();
                    waitingSince = posted;
                    SwingUtilities.invokeAndWait(() -> {
                        waitingSince = 0;
                        long raw = System.nanoTime() - posted;
                        if (!paused) worstRawNanos.accumulateAndGet(raw, Math::max);
                        // Not the EDT's doing: GC pauses, and pauses every thread of the JVM felt at the same time
                        // (the heartbeat thread was as late: the process was not scheduled, or stood at a safepoint).
                        long gc = (gcMillis() - gcBefore) * 1_000_000L;
                        long queued = Math.max(0, edtRunQueueNanos() - queuedBefore);
                        long late = Math.max(0, raw - Math.max(gc + queued, heartbeatGapSince(posted)));
                        // The test's own Robot.waitForIdle posts an event in which the EDT waits for the X server to
                        // sync (SunToolkit.realSync → XToolkit.syncNativeQueue): the harness waiting, not the app.
                        if (robotSync(pendingStacks)) {
                            if (!paused) worstHarnessNanos.accumulateAndGet(late, Math::max);
                            late = 0;
                        }
                        if (!paused) worstByPhase.merge(phase, late, Math::max);
                        if (!paused && late > LONG_STALL_NANOS) {
                            String frame = offEdtFrame(pendingStacks);
                            if (frame != null) workOnEdt.add(String.format(java.util.Locale.ROOT, "%.0f ms during %s, the EDT in %s:%s",
                                    late / 1e6, phase, frame, summarise(pendingStacks)));
                        }
                        if (!paused && late > worstNanos.get()) {
                            worstNanos.set(late);
                            worstDuring = phase;
                            worstStack = summarise(pendingStacks);
                        }
                    });
                    Thread.sleep(10);
                } catch (Exception e) {
                    return;
                }
            }
        }, "edt-watchdog");
        thread.setDaemon(true);
        thread.start();
        Thread heartbeat = new Thread(() -> {
            long last = System.nanoTime();
            while (running) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
                long now = System.nanoTime();
                if (now - last > 20_000_000L) gaps.add(new long[] {last, now});
                while (gaps.size() > 200) gaps.poll();
                last = now;
            }
        }, "edt-watchdog-heartbeat");
        heartbeat.setDaemon(true);
        heartbeat.setPriority(Thread.MAX_PRIORITY);
        heartbeat.start();
        Thread sampler = new Thread(() -> {
            while (running) {
                long since = waitingSince;
                if (since != 0 && System.nanoTime() - since > 40_000_000L) pendingStacks.add(edtStack());
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "edt-watchdog-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private static String edtStack() {
        for (var e : Thread.getAllStackTraces().entrySet()) {
            if (e.getKey().getName().startsWith("AWT-EventQueue")) {
                StringBuilder b = new StringBuilder();
                StackTraceElement[] frames = e.getValue();
                for (int i = 0; i < Math.min(frames.length, 40); i++) b.append("\n    at ").append(frames[i]);
                return b.toString();
            }
        }
        return "";
    }

    /**
     * True when the park at {@code frames[park]} is a wait for Java2D's own lock (SunToolkit.awtLock,
     * taken by every X11 drawing call): painting is the EDT's work, and under load it waits its turn.
     */
    static boolean waitsForRendering(List<String> frames, int park) {
        for (int i = park + 1; i < frames.size(); i++) {
            String name = frames.get(i);
            if (name.startsWith("java.util.concurrent.") || name.startsWith("jdk.internal.")) continue;
            return name.startsWith("sun.awt.SunToolkit.awtLock") || name.startsWith("sun.java2d.");
        }
        return false;
    }

    /**
     * True when {@code frames[i]} runs for the class loader (reading a class from a jar as a panel is first
     * built): the JVM's doing, not work the app put on the EDT.
     */
    static boolean loadsAClass(List<String> frames, int i) {
        for (int k = i + 1; k < frames.size(); k++) {
            String name = frames.get(k);
            if (name.startsWith("jdk.internal.loader.") || name.startsWith("java.lang.ClassLoader.")) return true;
            if (name.startsWith("digitloop.")) return false;
        }
        return false;
    }

    /** The first frame of {@link #OFF_EDT_WORK} in the stacks sampled during one stall, or null. */
    static String offEdtFrame(List<String> stacks) {
        synchronized (stacks) {
            for (String stack : stacks) {
                List<String> frames = new ArrayList<>();
                for (String line : stack.split("\n")) {
                    String frame = line.strip();
                    if (!frame.startsWith("at ")) continue;
                    // "java.base/java.lang.Thread.sleep(Native Method)": judge the class and method, not the module.
                    String name = frame.substring(3);
                    int call = name.indexOf('(');
                    int module = name.lastIndexOf('/', call < 0 ? name.length() : call);
                    frames.add(module >= 0 ? name.substring(module + 1) : name);
                }
                for (int i = 0; i < frames.size(); i++) {
                    String name = frames.get(i);
                    if (name.startsWith("jdk.internal.misc.Unsafe.park") && waitsForRendering(frames, i)) continue;
                    if (loadsAClass(frames, i)) continue;
                    for (String forbidden : OFF_EDT_WORK) if (name.startsWith(forbidden)) return name;
                }
            }
        }
        return null;
    }

    /** Long stalls in which the EDT did work that belongs on a worker, or waited for one; empty when none. */
    List<String> workOnEdt() {
        synchronized (workOnEdt) {
            return List.copyOf(workOnEdt);
        }
    }

    /** Most of the stacks sampled during the wait were the EDT dispatching a Robot's sync event. */
    static boolean robotSync(List<String> stacks) {
        synchronized (stacks) {
            if (stacks.isEmpty()) return false;
            long inSync = stacks.stream().filter(st -> st.contains("XToolkit.syncNativeQueue") && st.contains("SunToolkit$3.dispatch")).count();
            return inSync * 2 > stacks.size();
        }
    }

    /** Milliseconds of the worst wait the EDT spent in the test's Robot sync events (not counted as a stall). */
    double worstHarnessMillis() {
        return worstHarnessNanos.get() / 1e6;
    }

    /** The distinct stacks of one stall, most sampled first, each with its count of 10 ms samples. */
    private static String summarise(List<String> stacks) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        synchronized (stacks) {
            for (String st : stacks) counts.merge(st, 1, Integer::sum);
        }
        StringBuilder b = new StringBuilder();
        counts.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(4)
                .forEach(e -> b.append("\n  ").append(e.getValue()).append(" samples:").append(e.getKey()));
        return b.toString();
    }

    /** What the EDT was doing during the worst stall (sampled from 40 ms into it). */
    String worstStack() { return worstStack; }

    private final ConcurrentLinkedQueue<long[]> gaps = new ConcurrentLinkedQueue<>();

    /**
     * How long since {@code since} the heartbeat thread, too, did not run: all such stretches added up. A
     * cold start pauses the whole JVM several times in a row (safepoints for class loading and compiled
     * code); counting only the longest left the others on the EDT's account.
     */
    private long heartbeatGapSince(long since) {
        long total = 0;
        long now = System.nanoTime();
        for (long[] g : gaps) {
            long from = Math.max(g[0], since);
            long to = Math.min(g[1], now);
            if (to > from) total += to - from;
        }
        return total;
    }

    private volatile Path edtSchedstat;

    /**
     * Nanoseconds the EDT has spent runnable but waiting for a CPU, from Linux's schedstat (second
     * field); 0 where there is no such file. Java threads carry their names into the kernel, cut to 15
     * characters: "AWT-EventQueue-".
     */
    private long edtRunQueueNanos() {
        try {
            if (edtSchedstat == null) edtSchedstat = findEdtTask();
            if (edtSchedstat == null) return 0;
            String[] fields = Files.readString(edtSchedstat).trim().split("\\s+");
            return Long.parseLong(fields[1]);
        } catch (IOException | RuntimeException e) {
            edtSchedstat = null;
            return 0;
        }
    }

    private static Path findEdtTask() throws IOException {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) return null;
        try (var list = Files.list(tasks)) {
            for (Path task : (Iterable<Path>) list::iterator) {
                try {
                    if (Files.readString(task.resolve("comm")).startsWith("AWT-EventQueue")) return task.resolve("schedstat");
                } catch (IOException gone) {
                    // The thread ended while we looked.
                }
            }
        }
        return null;
    }

    private static long gcMillis() {
        long total = 0;
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) total += Math.max(0, gc.getCollectionTime());
        return total;
    }

    /** Worst lateness including garbage-collection pauses. */
    double worstRawMillis() {
        return worstRawNanos.get() / 1e6;
    }

    /** Worst lateness of the EDT, not counting time the JVM spent collecting garbage meanwhile. */
    double worstMillis() {
        return worstNanos.get() / 1e6;
    }

    /** The phase (as last named with {@link #phase}) in which the worst stall happened. */
    String worstDuring() { return worstDuring; }

    /** "start-up 80.1 ms, drawing 40.3 ms, …": the worst stall of each phase. */
    String worstByPhase() {
        StringBuilder s = new StringBuilder();
        worstByPhase.forEach((phase, nanos) -> s.append(s.length() == 0 ? "" : ", ").append(phase)
                .append(String.format(java.util.Locale.ROOT, " %.1f ms", nanos / 1e6)));
        return s.toString();
    }

    void phase(String name) { phase = name; }

    /** Screenshots repaint the whole window in two themes on purpose; they are not a flow a person waits on. */
    void pause(boolean pause) {
        paused = pause;
    }

    /**
     * Launches the app unwatched: installing the look and feel and building the window happen before
     * anything is on screen, so nobody can feel them (launch-to-visible time is measured by bench instead).
     */
    <T> T unwatched(Callable<T> launch) throws Exception {
        pause(true);
        try {
            T launched = launch.call();
            // Let the probe that queued up behind the launch run while still paused.
            SwingUtilities.invokeAndWait(() -> { });
            Thread.sleep(50);
            return launched;
        } finally {
            pause(false);
        }
    }

    @Override
    public void close() {
        running = false;
    }
}
