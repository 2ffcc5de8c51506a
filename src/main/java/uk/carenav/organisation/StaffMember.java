package uk.carenav.organisation;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/**
 * A person who signs in: a trainee at a practice, a supervisor of some practices, a service lead
 * for an area, or an administrator.
 */
@Entity
@Table(name = "staff_member")
class StaffMember {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String username;

    @Column(name = "display_name")
    private String displayName;

    private String email;

    @Column(name = "password_hash")
    private String passwordHash;

    private boolean enabled = true;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "practice_id")
    private Practice practice;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "area_id")
    private Area area;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "read_aloud")
    private boolean readAloud;

    @Column(name = "staff_ref")
    private String staffRef;

    @Column(name = "start_date")
    private LocalDate startDate;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "supervisor_id")
    private StaffMember supervisor;

    /** REQUIRED, NOT_REQUIRED or LONG_TERM_LEAVE. */
    private String training = "REQUIRED";

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "staff_role", joinColumns = @JoinColumn(name = "staff_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "supervised_practice",
            joinColumns = @JoinColumn(name = "staff_id"),
            inverseJoinColumns = @JoinColumn(name = "practice_id"))
    private Set<Practice> supervisedPractices = new HashSet<>();

    protected StaffMember() {
    }

    StaffMember(String username, String displayName, String email, String passwordHash, Set<Role> roles,
            Instant createdAt) {
        this.username = username;
        this.displayName = displayName;
        this.email = email;
        this.passwordHash = passwordHash;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        this.createdAt = createdAt;
    }

    Long getId() {
        return id;
    }

    String getUsername() {
        return username;
    }

    String getDisplayName() {
        return displayName;
    }

    String getEmail() {
        return email;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    boolean isEnabled() {
        return enabled;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    Practice getPractice() {
        return practice;
    }

    void setPractice(Practice practice) {
        this.practice = practice;
    }

    Area getArea() {
        return area;
    }

    void setArea(Area area) {
        this.area = area;
    }

    boolean isReadAloud() {
        return readAloud;
    }

    void setReadAloud(boolean readAloud) {
        this.readAloud = readAloud;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Set<Role> getRoles() {
        return roles;
    }

    Set<Practice> getSupervisedPractices() {
        return supervisedPractices;
    }

    String getStaffRef() {
        return staffRef;
    }

    void setStaffRef(String staffRef) {
        this.staffRef = staffRef;
    }

    LocalDate getStartDate() {
        return startDate;
    }

    void setStartDate(LocalDate startDate) {
        this.startDate = startDate;
    }

    StaffMember getSupervisor() {
        return supervisor;
    }

    void setSupervisor(StaffMember supervisor) {
        this.supervisor = supervisor;
    }

    String getTraining() {
        return training;
    }

    void setTraining(String training) {
        this.training = training;
    }

    void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    void setEmail(String email) {
        this.email = email;
    }
}
