package uk.carenav.shift;

/** No shift with that id that the signed-in person may see. */
public class NoSuchShiftException extends RuntimeException {

    public NoSuchShiftException(String id) {
        super("No shift " + id);
    }
}
