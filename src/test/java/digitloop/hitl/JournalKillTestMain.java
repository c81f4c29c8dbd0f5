package digitloop.hitl;

import java.nio.file.Path;

/**
 * Child process of {@link LabelJournalKillTest}: labels samples in a loop, printing "ack n" only
 * after {@code answer} has returned, until it is killed. Sample n gets label n % 10.
 */
public final class JournalKillTestMain {
    private JournalKillTestMain() {
    }

    public static void main(String[] args) throws Exception {
        try (LabelJournal journal = LabelJournal.open(Path.of(args[0]), "fp")) {
            int next = journal.answeredCount();
            while (true) {
                journal.answer(next, next % 10, (next + 1) % 10, 0.5f, "entropy");
                System.out.println("ack " + next);
                System.out.flush();
                next++;
            }
        }
    }
}
