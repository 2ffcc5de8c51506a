package uk.carenav.review;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.carenav.base.AuditedAction;
import uk.carenav.base.CurrentUser;
import uk.carenav.base.InvalidInputException;
import uk.carenav.organisation.StaffDirectory;
import uk.carenav.organisation.StaffProfile;
import uk.carenav.scenario.Scenario;
import uk.carenav.scenario.ScenarioLibrary;

/**
 * The clinical review of the scenario library. A decision is recorded with the reviewer, the time and the
 * SHA-256 of the file's exact content, and goes to the audit log; a file changed after approval is a new
 * version awaiting review. A version is approved only while its latest decision is an approval of this very
 * content and its {@code review_due} has not passed.
 */
@Service
@Transactional(readOnly = true)
public class ScenarioReviews {

    /** Shortest useful explanation when asking for changes. */
    static final int MIN_COMMENT = 10;
    static final int MAX_COMMENT = 4000;

    static final int MAX_VARIANT_COMMENT = 2000;

    /** One recorded decision; {@code variantComments} by variant id, in the order the file lists the variants. */
    public record Decision(long id, String scenarioId, int version, String contentHash, Decided decision,
            String reviewer, String comments, Instant at, boolean demo, Map<String, String> variantComments) {
    }

    /** What a reviewer decided. */
    public enum Decided {
        APPROVED("Approved"), CHANGES_REQUESTED("Changes requested");

        private final String label;

        Decided(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A scenario version of the current library with where it stands and its decisions, newest first. */
    public record VersionReview(Scenario scenario, String contentHash, ReviewStatus status, List<Decision> decisions) {
        public Optional<Decision> latest() {
            return decisions.stream().findFirst();
        }
    }

    private final JdbcClient jdbc;
    private final ScenarioLibrary library;
    private final StaffDirectory staff;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final boolean assessmentRequiresApproval;

    ScenarioReviews(JdbcClient jdbc, ScenarioLibrary library, StaffDirectory staff, ApplicationEventPublisher events,
            Clock clock, @Value("${carenav.scenarios.assessment-requires-approval:true}") boolean assessmentRequiresApproval) {
        this.jdbc = jdbc;
        this.library = library;
        this.staff = staff;
        this.events = events;
        this.clock = clock;
        this.assessmentRequiresApproval = assessmentRequiresApproval;
    }

    /** True when only approved versions may be taken as assessments ({@code carenav.scenarios.assessment-requires-approval}). */
    public boolean assessmentRequiresApproval() {
        return assessmentRequiresApproval;
    }

    /** Every scenario of the current library with where its version stands, those needing attention first. */
    @PreAuthorize("hasAnyRole('CLINICAL_REVIEWER', 'ADMIN')")
    public List<VersionReview> library() {
        return reviewsOfLibrary().stream()
                .sorted(Comparator.comparing((VersionReview v) -> order(v.status()))
                        .thenComparing(v -> v.scenario().category()).thenComparing(v -> v.scenario().title()))
                .toList();
    }

    /** One scenario of the current library, for the in-app preview. */
    @PreAuthorize("hasAnyRole('CLINICAL_REVIEWER', 'ADMIN')")
    public Optional<VersionReview> version(String scenarioId) {
        ScenarioLibrary.Snapshot snapshot = library.current();
        return snapshot.scenario(scenarioId).map(s -> review(s, hashOf(snapshot, s.id())));
    }

    /** The exact text of the current file, as the reviewer approves it. */
    @PreAuthorize("hasAnyRole('CLINICAL_REVIEWER', 'ADMIN')")
    public String fileText(String scenarioId) {
        return library.current().sourceText(scenarioId);
    }

    /**
     * Records the signed-in clinical reviewer's decision on the current version of a scenario, whose content
     * must still be what they reviewed ({@code contentHash}); a change request needs comments.
     */
    @PreAuthorize("hasRole('CLINICAL_REVIEWER')")
    @Transactional
    public Decision decide(String scenarioId, int version, String contentHash, Decided decision, String comments) {
        return decide(scenarioId, version, contentHash, decision, comments, Map.of());
    }

    /**
     * As {@link #decide(String, int, String, Decided, String)}, with comments on single variants ({@code variantComments}
     * by variant id; blank ones are left out). A change request needs a general comment or one on a variant.
     */
    @PreAuthorize("hasRole('CLINICAL_REVIEWER')")
    @Transactional
    public Decision decide(String scenarioId, int version, String contentHash, Decided decision, String comments,
            Map<String, String> variantComments) {
        ScenarioLibrary.Snapshot snapshot = library.current();
        Scenario s = snapshot.scenario(scenarioId)
                .orElseThrow(() -> new InvalidInputException("Scenario", "There is no scenario " + scenarioId + " in the library."));
        String hash = hashOf(snapshot, scenarioId);
        if (s.version() != version || !hash.equals(contentHash)) {
            throw new InvalidInputException("Scenario", "The file changed while you were reviewing it (now version "
                    + s.version() + "). Open it again and review what is there now.");
        }
        String text = comments == null ? "" : comments.strip();
        if (decision == null) {
            throw new InvalidInputException("Decision", "Choose approve or request changes.");
        }
        Map<String, String> perVariant = new LinkedHashMap<>();
        for (Scenario.Variant v : s.variants()) {
            String c = variantComments.getOrDefault(v.id(), "");
            c = c == null ? "" : c.strip();
            if (c.length() > MAX_VARIANT_COMMENT) {
                throw new InvalidInputException("Comment on " + v.label(), "Keep a variant's comment under "
                        + MAX_VARIANT_COMMENT + " characters (now " + c.length() + ").");
            }
            if (!c.isEmpty()) {
                perVariant.put(v.id(), c);
            }
        }
        variantComments.keySet().stream().filter(k -> s.variants().stream().noneMatch(v -> v.id().equals(k))).findFirst()
                .ifPresent(k -> {
                    throw new InvalidInputException("Scenario", "There is no variant " + k + " in " + s.id() + ".");
                });
        boolean explained = text.length() >= MIN_COMMENT || perVariant.values().stream().anyMatch(c -> c.length() >= MIN_COMMENT);
        if (decision == Decided.CHANGES_REQUESTED && !explained) {
            throw new InvalidInputException("Comments", "Say what must change, per variant where it applies (at least "
                    + MIN_COMMENT + " characters).");
        }
        if (text.length() > MAX_COMMENT) {
            throw new InvalidInputException("Comments", "Keep comments under " + MAX_COMMENT + " characters (now "
                    + text.length() + ").");
        }
        StaffProfile me = staff.currentProfile();
        Decision d = insert(s, hash, decision, me.id(), me.displayName(), text, clock.instant(), false, perVariant);
        StringBuilder detail = new StringBuilder(text.isEmpty() ? "no general comments" : text);
        perVariant.forEach((variant, c) -> detail.append("; ").append(variant).append(": ").append(c));
        events.publishEvent(new AuditedAction(CurrentUser.username(), "SCENARIO_" + decision.name(),
                s.id() + " v" + s.version() + " (sha256 " + hash.substring(0, 12) + "): " + detail));
        return d;
    }

    /**
     * For starting calls (no role check: the caller's own check applies): true when this version of the
     * scenario, with exactly this file text, is approved and its review is not overdue.
     */
    public boolean approved(Scenario scenario, String fileText) {
        return review(scenario, hash(fileText)).status() == ReviewStatus.APPROVED;
    }

    /** For pages that list the library (no role check): the ids of the current scenarios that are approved now. */
    public Set<String> approvedInLibrary() {
        return reviewsOfLibrary().stream().filter(v -> v.status() == ReviewStatus.APPROVED)
                .map(v -> v.scenario().id()).collect(Collectors.toSet());
    }

    /** Every current scenario with where it stands, from one read of the decisions. */
    private List<VersionReview> reviewsOfLibrary() {
        ScenarioLibrary.Snapshot snapshot = library.current();
        Map<String, List<Decision>> byVersion = decisionsWhere("1 = 1").stream()
                .collect(Collectors.groupingBy(d -> d.scenarioId() + "@" + d.version()));
        LocalDate today = LocalDate.now(clock);
        return snapshot.scenarios().stream().map(s -> {
            String hash = hashOf(snapshot, s.id());
            List<Decision> decisions = byVersion.getOrDefault(s.id() + "@" + s.version(), List.of());
            return new VersionReview(s, hash, status(decisions, hash, s.reviewDue(), today), decisions);
        }).toList();
    }

    /** The demo installation's stand-in approvals, recorded as demo so no one mistakes them for a clinical review. */
    @Transactional
    int approveForDemo(long reviewerId, String reviewerName) {
        ScenarioLibrary.Snapshot snapshot = library.current();
        int done = 0;
        for (Scenario s : snapshot.scenarios()) {
            String hash = hashOf(snapshot, s.id());
            if (decisions(s.id(), s.version()).stream().noneMatch(d -> d.contentHash().equals(hash))) {
                insert(s, hash, Decided.APPROVED, reviewerId, reviewerName,
                        "Demo data: stands in for a clinical review so the demo can be tried. Not a clinical approval.",
                        clock.instant(), true, Map.of());
                done++;
            }
        }
        return done;
    }

    private VersionReview review(Scenario s, String hash) {
        List<Decision> decisions = decisions(s.id(), s.version());
        return new VersionReview(s, hash, status(decisions, hash, s.reviewDue(), LocalDate.now(clock)), decisions);
    }

    /**
     * Where a version stands: its latest decision on exactly this content ({@code decisionsNewestFirst}), and
     * an approval lapses once {@code reviewDue} has passed.
     */
    static ReviewStatus status(List<Decision> decisionsNewestFirst, String hash, LocalDate reviewDue, LocalDate today) {
        Optional<Decision> latest = decisionsNewestFirst.stream().filter(d -> d.contentHash().equals(hash)).findFirst();
        if (latest.isEmpty()) {
            return ReviewStatus.AWAITING;
        }
        if (latest.get().decision() == Decided.CHANGES_REQUESTED) {
            return ReviewStatus.CHANGES_REQUESTED;
        }
        return reviewDue != null && reviewDue.isBefore(today) ? ReviewStatus.OVERDUE : ReviewStatus.APPROVED;
    }

    private List<Decision> decisions(String scenarioId, int version) {
        return decisionsWhere("scenario_id = ? and version = ?", scenarioId, version);
    }

    /** Decisions matching {@code condition}, newest first. */
    private List<Decision> decisionsWhere(String condition, Object... params) {
        List<Decision> found = jdbc.sql("select id, scenario_id, version, content_hash, decision, reviewer_name, comments,"
                        + " decided_at, demo from scenario_review where " + condition + " order by id desc")
                .params(params)
                .query((rs, n) -> new Decision(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        Decided.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7),
                        rs.getTimestamp(8).toInstant(), rs.getBoolean(9), Map.of()))
                .list();
        if (found.isEmpty()) {
            return found;
        }
        Map<Long, Map<String, String>> comments = new HashMap<>();
        jdbc.sql("select c.review_id, c.variant_id, c.comments from scenario_review_comment c join scenario_review r"
                        + " on r.id = c.review_id where " + condition.replace("scenario_id", "r.scenario_id")
                        .replace("version", "r.version") + " order by c.review_id")
                .params(params)
                .query(rs -> {
                    comments.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
                });
        if (comments.isEmpty()) {
            return found;
        }
        List<Decision> out = new ArrayList<>();
        for (Decision d : found) {
            Map<String, String> mine = comments.getOrDefault(d.id(), Map.of());
            Map<String, String> ordered = new LinkedHashMap<>();
            library.current().scenario(d.scenarioId()).ifPresent(sc -> sc.variants().forEach(v -> {
                if (mine.containsKey(v.id())) {
                    ordered.put(v.id(), mine.get(v.id()));
                }
            }));
            mine.forEach(ordered::putIfAbsent);
            out.add(new Decision(d.id(), d.scenarioId(), d.version(), d.contentHash(), d.decision(), d.reviewer(),
                    d.comments(), d.at(), d.demo(), Collections.unmodifiableMap(ordered)));
        }
        return out;
    }

    private Decision insert(Scenario s, String hash, Decided decision, long reviewerId, String reviewerName, String comments,
            Instant at, boolean demo, Map<String, String> variantComments) {
        jdbc.sql("""
                insert into scenario_review (scenario_id, version, content_hash, decision, reviewer_id, reviewer_name,
                                             comments, decided_at, demo)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(s.id(), s.version(), hash, decision.name(), reviewerId, reviewerName, comments, Timestamp.from(at), demo)
                .update();
        long id = jdbc.sql("select max(id) from scenario_review where scenario_id = ? and version = ?")
                .params(s.id(), s.version()).query(Long.class).single();
        variantComments.forEach((variant, c) -> jdbc.sql(
                "insert into scenario_review_comment (review_id, variant_id, comments) values (?, ?, ?)")
                .params(id, variant, c).update());
        return decisions(s.id(), s.version()).get(0);
    }

    private static int order(ReviewStatus status) {
        return switch (status) {
            case OVERDUE -> 0;
            case AWAITING -> 1;
            case CHANGES_REQUESTED -> 2;
            case APPROVED -> 3;
        };
    }

    /** SHA-256 of the file's text, in hex. */
    /** The content hashes of one load of the library, worked out once: My training asks on every visit. */
    private record Hashes(ScenarioLibrary.Snapshot snapshot, Map<String, String> byScenario) {
    }

    private volatile Hashes hashes;

    private String hashOf(ScenarioLibrary.Snapshot snapshot, String scenarioId) {
        Hashes h = hashes;
        if (h == null || h.snapshot() != snapshot) {
            h = new Hashes(snapshot, new ConcurrentHashMap<>());
            hashes = h;
        }
        return h.byScenario().computeIfAbsent(scenarioId, id -> hash(snapshot.sourceText(id)));
    }

    static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
