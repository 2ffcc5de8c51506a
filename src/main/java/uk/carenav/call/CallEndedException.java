package uk.carenav.call;

/** A step was sent for a call that has already ended: results are final. */
public class CallEndedException extends RuntimeException {

    public CallEndedException() {
        super("This call has ended; its result is final.");
    }
}
