package uk.carenav.organisation;

/** A commissioning area. */
public record AreaSummary(long id, String name) {
}
