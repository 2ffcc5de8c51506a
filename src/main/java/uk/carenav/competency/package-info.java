/**
 * The supervisor's side: readiness, evidence, observed live calls, sign-off, certificates and the competency
 * framework. Owns {@code competency}, {@code observed_call}, {@code sign_off} and {@code trainee_status}; the
 * status read model for reports is {@link uk.carenav.competency.TraineeStatusSql}.
 */
package uk.carenav.competency;
