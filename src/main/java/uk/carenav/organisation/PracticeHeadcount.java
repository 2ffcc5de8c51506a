package uk.carenav.organisation;

/** A practice in a service lead's area with the number of active trainee care navigators. */
public record PracticeHeadcount(long practiceId, String odsCode, String practice, String pcn, long trainees) {
}
