/**
 * Shift simulation (the 8am rush): a timed session in which callers queue and the trainee answers them one at a
 * time in the conversational call page, with hang-ups, ring-backs, callers who worsen while they wait and
 * call-backs. Sits above {@code call} (each answered caller is a call) and below {@code competency} (a passed shift
 * can be a condition of readiness). Owns the tables {@code shift} and {@code shift_event}.
 */
package uk.carenav.shift;
