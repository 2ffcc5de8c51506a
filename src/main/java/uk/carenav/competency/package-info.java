/** The supervisor's side: trainees' evidence and sign-off. */
package uk.carenav.competency;
