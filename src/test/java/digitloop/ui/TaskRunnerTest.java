package digitloop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;

class TaskRunnerTest {
    @Test
    void theSameThreadRunnerFinishesBeforeRunReturns() {
        TaskRunner runner = TaskRunner.sameThread();
        List<String> seen = new ArrayList<>();
        runner.run("sum", ctx -> 2 + 2, r -> seen.add("done " + r), e -> seen.add("failed"));
        assertEquals(List.of("done 4"), seen);
    }

    @Test
    void aFailureReachesTheFailedCallbackNotDone() {
        TaskRunner runner = TaskRunner.sameThread();
        AtomicReference<Exception> failure = new AtomicReference<>();
        runner.run("boom", ctx -> {
            throw new IllegalStateException("no data");
        }, r -> { throw new AssertionError("done must not run"); }, failure::set);
        assertEquals("no data", failure.get().getMessage());
    }

    @Test
    void callbacksArriveOnTheEdtAndWorkDoesNot() throws Exception {
        TaskRunner runner = TaskRunner.background();
        CountDownLatch done = new CountDownLatch(1);
        AtomicBoolean workOnEdt = new AtomicBoolean(true);
        AtomicBoolean callbackOnEdt = new AtomicBoolean(false);
        runner.run("where", ctx -> {
            workOnEdt.set(SwingUtilities.isEventDispatchThread());
            return 1;
        }, r -> {
            callbackOnEdt.set(SwingUtilities.isEventDispatchThread());
            done.countDown();
        }, e -> done.countDown());
        assertTrue(done.await(10, TimeUnit.SECONDS));
        assertFalse(workOnEdt.get());
        assertTrue(callbackOnEdt.get());
    }

    @Test
    void aLongTrainingDoesNotHoldUpWorkOnTheOtherLane() throws Exception {
        TaskRunner runner = TaskRunner.background();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch loaded = new CountDownLatch(1);
        runner.run(TaskRunner.Lane.TRAINING, "train", ctx -> release.await(30, TimeUnit.SECONDS), r -> { }, e -> { });
        runner.run(TaskRunner.Lane.WORK, "load", ctx -> "model", r -> loaded.countDown(), e -> { });
        assertTrue(loaded.await(10, TimeUnit.SECONDS), "the load ran while training was still going");
        release.countDown();
    }

    @Test
    void cancelReachesTheTaskThroughItsToken() throws Exception {
        TaskRunner runner = TaskRunner.background();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        AtomicReference<String> outcome = new AtomicReference<>();
        TaskRunner.RunningTask task = runner.run("loop", ctx -> {
            started.countDown();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!ctx.cancellation().isCancelled() && System.nanoTime() < deadline) Thread.onSpinWait();
            return ctx.cancellation().isCancelled() ? "cancelled" : "ran out";
        }, r -> {
            outcome.set(r);
            finished.countDown();
        }, e -> finished.countDown());
        assertTrue(started.await(10, TimeUnit.SECONDS));
        task.cancel();
        assertTrue(finished.await(10, TimeUnit.SECONDS));
        assertEquals("cancelled", outcome.get());
    }

    @Test
    void theLatestRequestWinsAndOlderWaitingOnesAreDropped() throws Exception {
        TaskRunner runner = TaskRunner.background();
        TaskRunner.Latest<Integer> latest = runner.latest();
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        List<Integer> results = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch last = new CountDownLatch(1);
        latest.submit(ctx -> {
            firstRunning.countDown();
            releaseFirst.await(10, TimeUnit.SECONDS);
            return 1;
        }, results::add, e -> { });
        assertTrue(firstRunning.await(10, TimeUnit.SECONDS));
        for (int i = 2; i <= 5; i++) {
            int n = i;
            latest.submit(ctx -> n, r -> {
                results.add(r);
                if (r == 5) last.countDown();
            }, e -> { });
        }
        releaseFirst.countDown();
        assertTrue(last.await(10, TimeUnit.SECONDS));
        SwingUtilities.invokeAndWait(() -> { });
        assertEquals(List.of(1, 5), results, "2, 3 and 4 were replaced while waiting");
    }

    @Test
    void theStatusBarShowsTheNewestTaskAndReturnsToItsIdleText() throws Exception {
        SwingUtilities.invokeAndWait(() -> {
            StatusBar bar = new StatusBar();
            bar.setIdleText("Model cnn.zip");
            TaskRunner runner = TaskRunner.sameThread();
            runner.setObserver(bar);
            runner.run("Evaluating", ctx -> {
                ctx.progress(0.5, "Evaluating: half done");
                assertSame(true, bar.busy());
                assertEquals("Evaluating: half done", bar.text());
                return null;
            }, r -> { }, e -> { throw new AssertionError(e); });
            assertFalse(bar.busy());
            assertEquals("Model cnn.zip", bar.text());
        });
    }
}
