package uk.carenav.scoring;

/** A transcript that does not fit its scenario (unknown question, wrong version...). */
public class InvalidTranscriptException extends RuntimeException {

    public InvalidTranscriptException(String message) {
        super(message);
    }
}
