package uk.carenav.call;

/** Published in the transaction that changed a trainee's call evidence: a call ended or a finding was overridden. */
public record EvidenceChanged(long traineeId) {
}
