package digitloop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import digitloop.TestData;
import digitloop.data.Digits;
import digitloop.data.KaggleCsvFormatException;
import digitloop.data.KaggleCsvWriter;
import digitloop.data.KaggleLayout;
import digitloop.model.LoadedModel;
import digitloop.model.ModelFile;
import digitloop.task.CancellationToken;
import digitloop.train.Evaluator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File ▸ Import Kaggle CSV…'s work: off the EDT, with progress and Cancel, the report {@code evaluate} gives. */
class KaggleImportTest {
    private static LoadedModel model;

    @BeforeAll
    static void load() throws Exception {
        model = ModelFile.load(Path.of("models", "cnn.zip"));
    }

    @Test
    void theReportOnACsvOfTheTestDigitsIsTheTestSetsAndArrivesOnTheEdt(@TempDir Path dir) throws Exception {
        Digits test = TestData.test().head(2000);
        Path csv = dir.resolve("train.csv");
        KaggleCsvWriter.write(csv, test, KaggleLayout.TRAIN, CancellationToken.none());
        TaskRunner tasks = TaskRunner.background();
        AtomicBoolean workOnEdt = new AtomicBoolean(true);
        AtomicBoolean doneOnEdt = new AtomicBoolean();
        List<Double> fractions = Collections.synchronizedList(new ArrayList<>());
        AtomicReference<KaggleImport.Result> result = new AtomicReference<>();
        CountDownLatch finished = new CountDownLatch(1);
        BackgroundTask<KaggleImport.Result> work = KaggleImport.evaluation(csv, model, model.classifier());

        tasks.run(TaskRunner.Lane.WORK, "import", ctx -> {
            workOnEdt.set(SwingUtilities.isEventDispatchThread());
            return work.run(new digitloop.task.TaskContext() {
                @Override
                public void progress(double fraction, String message) {
                    fractions.add(fraction);
                    ctx.progress(fraction, message);
                }

                @Override
                public CancellationToken cancellation() {
                    return ctx.cancellation();
                }
            });
        }, r -> {
            doneOnEdt.set(SwingUtilities.isEventDispatchThread());
            result.set(r);
        }, e -> { }, finished::countDown);

        assertTrue(finished.await(2, TimeUnit.MINUTES));
        assertFalse(workOnEdt.get(), "read and scored off the EDT");
        assertTrue(doneOnEdt.get(), "the report arrives on the EDT");
        assertEquals(Evaluator.evaluate(model.classifier(), test).format(), result.get().report().format());
        assertTrue(result.get().describe().contains("on 2000 images of " + csv), result.get().describe());
        assertEquals(1.0, fractions.get(fractions.size() - 1), 1e-9);
        for (int i = 1; i < fractions.size(); i++) assertTrue(fractions.get(i) >= fractions.get(i - 1), fractions.toString());
    }

    @Test
    void aTestCsvReachesTheFailureCallbackWithItsMessage(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("test.csv");
        KaggleCsvWriter.write(csv, TestData.test().head(3), KaggleLayout.TEST, CancellationToken.none());
        AtomicReference<Throwable> failure = new AtomicReference<>();

        TaskRunner.sameThread().run("import", KaggleImport.evaluation(csv, model, model.classifier()), r -> { }, failure::set);

        assertInstanceOf(KaggleCsvFormatException.class, failure.get());
        assertTrue(digitloop.task.UserMessages.of(failure.get()).contains("this is a Kaggle test.csv"), failure.get().getMessage());
    }

    @Test
    void cancelStopsIt(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("train.csv");
        KaggleCsvWriter.write(csv, TestData.test().head(3000), KaggleLayout.TRAIN, CancellationToken.none());
        CancellationToken cancel = new CancellationToken();
        cancel.cancel();
        AtomicReference<Throwable> failure = new AtomicReference<>();

        try {
            KaggleImport.evaluation(csv, model, model.classifier()).run(digitloop.task.TaskContext.of((f, m) -> { }, cancel));
        } catch (Throwable e) {
            failure.set(e);
        }

        assertInstanceOf(java.util.concurrent.CancellationException.class, failure.get());
    }
}
