package uk.carenav.organisation;

/** A primary care network with its area. */
public record PcnSummary(long id, String name, String area) {

    public String label() {
        return name + " - " + area;
    }
}
