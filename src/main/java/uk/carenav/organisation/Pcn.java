package uk.carenav.organisation;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** A primary care network: a group of practices in one area. */
@Entity
class Pcn {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "area_id")
    private Area area;

    private String name;

    protected Pcn() {
    }

    Pcn(Area area, String name) {
        this.area = area;
        this.name = name;
    }

    Long getId() {
        return id;
    }

    Area getArea() {
        return area;
    }

    String getName() {
        return name;
    }
}
