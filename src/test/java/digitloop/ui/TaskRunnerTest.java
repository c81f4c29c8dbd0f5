package digitloop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
        AtomicReference<Throwable> failure = new AtomicReference<>();
        runner.run("boom", ctx -> {
            throw new IllegalStateException("no data");
        }, r -> { throw new AssertionError("done must not run"); }, failure::set);
        assertEquals("no data", failure.get().getMessage());
    }

    @Test
    void anErrorReachesTheFailedCallbackFreesTheStatusBarAndRunsTheFinishedStep() throws Exception {
        TaskRunner runner = TaskRunner.background();
        StatusBar bar = new StatusBar();
        SwingUtilities.invokeAndWait(() -> bar.setIdleText("idle"));
        runner.setObserver(bar);
        CountDownLatch finished = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<String> order = java.util.Collections.synchronizedList(new ArrayList<>());
        runner.run(TaskRunner.Lane.TRAINING, "native crash", ctx -> {
            throw new OutOfMemoryError("Physical memory usage is too high");
        }, r -> order.add("done"), e -> {
            failure.set(e);
            order.add("failed");
        }, () -> {
            order.add("finished");
            finished.countDown();
        });
        assertTrue(finished.await(10, TimeUnit.SECONDS), "the finished step ran");
        SwingUtilities.invokeAndWait(() -> { });
        assertInstanceOf(OutOfMemoryError.class, failure.get());
        assertEquals(List.of("failed", "finished"), order);
        SwingUtilities.invokeAndWait(() -> {
            assertFalse(bar.busy());
            assertEquals("idle", bar.text());
        });
    }

    @Test
    void theFinishedStepRunsEvenWhenTheCallbackThrows() {
        TaskRunner runner = TaskRunner.sameThread();
        List<String> seen = new ArrayList<>();
        assertThrows(IllegalStateException.class, () -> runner.run(TaskRunner.Lane.WORK, "ok", ctx -> 1, r -> {
            throw new IllegalStateException("a bug in the callback");
        }, e -> seen.add("failed"), () -> seen.add("finished")));
        assertEquals(List.of("finished"), seen);
    }

    @Test
    void anErrorInALiveComputationReachesItsFailedCallback() {
        TaskRunner runner = TaskRunner.sameThread();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        runner.<Integer>latest().submit(ctx -> {
            throw new StackOverflowError();
        }, r -> { }, failure::set);
        assertInstanceOf(StackOverflowError.class, failure.get());
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
