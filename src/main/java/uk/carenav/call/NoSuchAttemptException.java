package uk.carenav.call;

/** The attempt does not exist or is not the caller's: both read the same, so ids cannot be probed. */
public class NoSuchAttemptException extends RuntimeException {

    public NoSuchAttemptException(String attemptId) {
        super("No call " + attemptId + " for you");
    }
}
