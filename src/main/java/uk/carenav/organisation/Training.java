package uk.carenav.organisation;

/** Whether a person must train as a care navigator; the last two are kept out of coverage percentages. */
public enum Training {
    REQUIRED("Required"),
    NOT_REQUIRED("Not required"),
    LONG_TERM_LEAVE("Long-term leave");

    private final String label;

    Training(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
