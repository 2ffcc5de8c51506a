package uk.carenav.base;


/** Input that breaks a rule, naming the form field at fault so the form can show it there. */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The field's name as the form labels it, e.g. "Username". */
    public String field() {
        return field;
    }
}
