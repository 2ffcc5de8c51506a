package uk.carenav.scoring;

/** The parts of a call an auditor reviews, in the order of the score card. */
public enum Segment {
    RED_FLAG_SCREENING("Red-flag screening"),
    ROUTING("Routing"),
    SAFETY_NETTING("Safety-netting"),
    COMMUNICATION("Communication and information governance"),
    DOCUMENTATION("Documentation");

    private final String label;

    Segment(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
