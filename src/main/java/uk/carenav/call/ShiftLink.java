package uk.carenav.call;

/**
 * How a call answered in a shift belongs to it: the shift, how long the caller had waited since first joining the
 * queue when the trainee answered, and the opening they used (null: the scenario's own).
 */
public record ShiftLink(String shiftId, double queuedSeconds, String opening) {
}
