package uk.carenav.organisation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** A GP practice, identified by its ODS code. */
@Entity
class Practice {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "pcn_id")
    private Pcn pcn;

    @Column(name = "ods_code")
    private String odsCode;

    private String name;

    protected Practice() {
    }

    Practice(Pcn pcn, String odsCode, String name) {
        this.pcn = pcn;
        this.odsCode = odsCode;
        this.name = name;
    }

    Long getId() {
        return id;
    }

    Pcn getPcn() {
        return pcn;
    }

    String getOdsCode() {
        return odsCode;
    }

    String getName() {
        return name;
    }
}
