/**
 * The scoring engine: marks a call against its scenario like a professional call audit.
 * Plain Java only: no Spring, Vaadin or JPA, so it stays deterministic and testable on its own.
 */
package uk.carenav.scoring;
