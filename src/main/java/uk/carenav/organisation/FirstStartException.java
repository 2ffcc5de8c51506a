package uk.carenav.organisation;

/** The application cannot start safely; {@link FirstStartFailureAnalyzer} prints the reason and the fix. */
class FirstStartException extends RuntimeException {

    private final String action;

    FirstStartException(String description, String action) {
        super(description);
        this.action = action;
    }

    String action() {
        return action;
    }
}
