package digitloop.hitl;

/** A review that would break the pool's contract: its message says why and what to do instead. */
public final class ReviewRefusedException extends IllegalStateException {
    public ReviewRefusedException(String message) {
        super(message);
    }
}
