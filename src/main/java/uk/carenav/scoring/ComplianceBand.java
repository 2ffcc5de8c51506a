package uk.carenav.scoring;

/** Call-audit compliance levels, best first. */
public enum ComplianceBand {
    HIGH_COMPLIANCE("High Compliance"),
    COMPLIANT("Compliant"),
    PARTIAL("Partial"),
    LOW("Low"),
    NON_COMPLIANT("Non-compliant");

    private final String label;

    ComplianceBand(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** True when this band is as good as {@code other} or better. */
    public boolean atLeast(ComplianceBand other) {
        return ordinal() <= other.ordinal();
    }
}
