/**
 * Clinical governance: a named clinical reviewer (a GP, nurse or clinical pharmacist) approves each scenario
 * version, or asks for changes, against the exact content of its file; approval lapses at the file's
 * {@code review_due}. Assessments can require an approved version. No file can claim approval: only the records
 * here make a version approved. Owns {@code scenario_review} and {@code scenario_review_comment}.
 */
package uk.carenav.review;
