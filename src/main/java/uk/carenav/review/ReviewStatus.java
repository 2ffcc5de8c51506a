package uk.carenav.review;

/** Where a scenario version stands in clinical review. */
public enum ReviewStatus {
    AWAITING("Awaiting review"),
    CHANGES_REQUESTED("Changes requested"),
    APPROVED("Approved"),
    OVERDUE("Review overdue");

    private final String label;

    ReviewStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
