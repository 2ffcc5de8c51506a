package uk.carenav.organisation;

/** What a member of staff does in CareNav Trainer. Each role has its own home page. */
public enum Role {
    TRAINEE("Trainee"),
    SUPERVISOR("Supervisor"),
    SERVICE_LEAD("Service lead"),
    /** A GP, nurse or clinical pharmacist of the practice or PCN who approves what the scenarios teach. */
    CLINICAL_REVIEWER("Clinical reviewer"),
    ADMIN("Administrator");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The Spring Security authority name, e.g. ROLE_TRAINEE. */
    public String authority() {
        return "ROLE_" + name();
    }
}
