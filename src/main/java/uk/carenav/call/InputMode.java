package uk.carenav.call;

/**
 * How the trainee took a call. Conversation: typed in their own words, with no list to recognise from (every
 * assessment). Guided: chose from the list of questions and statements (practice only, as scaffolding).
 */
public enum InputMode {
    CONVERSATION("Conversation"),
    GUIDED("Guided");

    private final String label;

    InputMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
