/**
 * The trainee's side: My training, the call itself (conversation or guided), the debrief and the history; a
 * supervisor's review of a call, re-scoring and what calls could not place. Owns {@code attempt},
 * {@code attempt_event}, {@code attempt_screen}, {@code attempt_comment}, {@code attempt_rescore},
 * {@code finding_override} and {@code scenario_snapshot}; {@code attempt} is a read model for other modules.
 */
package uk.carenav.call;
