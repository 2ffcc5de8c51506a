package uk.carenav.scoring;

/** How the route chosen compares with the scenario's expected outcome. */
public enum RoutingGrade {
    CORRECT("Correct"),
    ACCEPTABLE("Acceptable"),
    OVER_TRIAGE("Over-triage"),
    UNDER_TRIAGE("Under-triage"),
    /** A route the patient is not eligible for: they would be turned away and their care delayed. */
    INELIGIBLE("Ineligible"),
    NOT_ROUTED("Not routed");

    private final String label;

    RoutingGrade(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
