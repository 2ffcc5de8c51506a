package uk.carenav.competency;

/** Where a trainee stands on the way to taking real calls. */
public enum TraineeStatus {
    NOT_STARTED("Not started"),
    IN_TRAINING("In training"),
    READY("Ready for sign-off"),
    SIGNED_OFF("Signed off"),
    REFRESHER_DUE("Refresher due"),
    REVOKED("Sign-off revoked");

    private final String label;

    TraineeStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
