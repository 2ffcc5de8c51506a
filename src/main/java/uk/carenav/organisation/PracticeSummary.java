package uk.carenav.organisation;

/** A practice with the PCN and area it belongs to. */
public record PracticeSummary(long id, String odsCode, String name, String pcn, String area) {

    static PracticeSummary of(Practice p) {
        return new PracticeSummary(p.getId(), p.getOdsCode(), p.getName(), p.getPcn().getName(),
                p.getPcn().getArea().getName());
    }

    /** How pickers show it: "Riverside Surgery (Y00001)". */
    public String label() {
        return name + " (" + odsCode + ")";
    }
}
