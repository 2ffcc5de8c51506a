package uk.carenav.call;

/** Practice: hints, retry freely. Assessment: no hints, a random variant, counts as evidence for sign-off. */
public enum Mode {
    PRACTICE("Practice"),
    ASSESSMENT("Assessment");

    private final String label;

    Mode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
