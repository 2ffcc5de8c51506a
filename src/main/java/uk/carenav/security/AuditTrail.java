package uk.carenav.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only audit trail of sign-ins and administrative actions. Each entry's hash covers its own
 * content and the previous entry's hash, so {@link #verify()} finds the first entry changed or removed.
 */
@Service
public class AuditTrail {

    static final String GENESIS = "0".repeat(64);

    /** One entry as shown to administrators. */
    public record Entry(long id, Instant at, String actor, String action, String detail, String prevHash, String hash) {
    }

    /** The result of checking the chain: intact, or the first entry that does not match. */
    public record Verification(boolean intact, int entriesChecked, Long firstBrokenId, String problem) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Appends an entry; joins the caller's transaction so the entry and the action commit together. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(String actor, String action, String detail) {
        String safeActor = clip(actor == null || actor.isBlank() ? "(unknown)" : actor, 100);
        String safeDetail = clip(detail == null ? "" : detail, 2000);
        // Locking the head row serialises writers, across application instances too.
        String prev = jdbc.sql("select last_hash from audit_head where id = 1 for update").query(String.class).single();
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String hash = hash(prev, at, safeActor, action, safeDetail);
        jdbc.sql("insert into audit_event (at, actor, action, detail, prev_hash, hash) values (?, ?, ?, ?, ?, ?)")
                .params(Timestamp.from(at), safeActor, action, safeDetail, prev, hash).update();
        jdbc.sql("update audit_head set last_hash = ? where id = 1").param(hash).update();
    }

    /** The detail of the latest entry of one kind of action, if any (for the system's own records, not for users). */
    @Transactional(readOnly = true)
    public Optional<String> lastDetail(String action) {
        return jdbc.sql("select detail from audit_event where action = ? order by id desc fetch first 1 rows only")
                .param(action).query(String.class).optional();
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<Entry> latest(int limit) {
        return jdbc.sql("select id, at, actor, action, detail, prev_hash, hash from audit_event order by id desc"
                        + " fetch first " + Math.max(1, limit) + " rows only")
                .query((rs, n) -> new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)))
                .list();
    }

    /**
     * What the administrator is looking for: entries from {@code from} (inclusive) to {@code to} (exclusive),
     * of one kind of action and by one person (part of the name, any case); null means any.
     */
    public record Filter(Instant from, Instant to, String action, String actor) {

        public static final Filter ALL = new Filter(null, null, null, null);
    }

    /** One page of the entries that match, newest first. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<Entry> page(Filter filter, int offset, int limit) {
        return jdbc.sql("select id, at, actor, action, detail, prev_hash, hash from audit_event" + where()
                        + " order by id desc offset " + Math.max(0, offset) + " rows fetch next "
                        + Math.max(1, Math.min(limit, 1000)) + " rows only")
                .params(params(filter))
                .query((rs, n) -> new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)))
                .list();
    }

    /** How many entries match. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public int count(Filter filter) {
        return jdbc.sql("select count(*) from audit_event" + where()).params(params(filter)).query(Integer.class).single();
    }

    /** The kinds of action in the log, for the filter. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public List<String> actions() {
        return jdbc.sql("select distinct action from audit_event order by action").query(String.class).list();
    }

    private static String where() {
        return " where (cast(:from as timestamp with time zone) is null or at >= :from)"
                + " and (cast(:to as timestamp with time zone) is null or at < :to)"
                + " and (cast(:action as varchar(100)) is null or action = :action)"
                + " and (cast(:actor as varchar(100)) is null or lower(actor) like :actor)";
    }

    private static Map<String, Object> params(Filter f) {
        Map<String, Object> p = new HashMap<>();
        p.put("from", f.from() == null ? null : Timestamp.from(f.from()));
        p.put("to", f.to() == null ? null : Timestamp.from(f.to()));
        p.put("action", f.action() == null || f.action().isBlank() ? null : f.action());
        p.put("actor", f.actor() == null || f.actor().isBlank() ? null
                : "%" + f.actor().strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                        .replace("_", "\\_") + "%");
        return p;
    }

    /** Walks the whole chain from the start and names the first entry that does not match. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    public Verification verify() {
        List<Entry> all = jdbc.sql("select id, at, actor, action, detail, prev_hash, hash from audit_event order by id")
                .query((rs, n) -> new Entry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)))
                .list();
        String expectedPrev = GENESIS;
        int checked = 0;
        for (Entry e : all) {
            checked++;
            if (!e.prevHash().equals(expectedPrev)) {
                return new Verification(false, checked, e.id(), "entry " + e.id()
                        + " does not follow the entry before it: an entry was removed or reordered");
            }
            if (!hash(e.prevHash(), e.at(), e.actor(), e.action(), e.detail()).equals(e.hash())) {
                return new Verification(false, checked, e.id(), "entry " + e.id() + " was changed after it was written");
            }
            expectedPrev = e.hash();
        }
        Optional<String> head = jdbc.sql("select last_hash from audit_head where id = 1").query(String.class).optional();
        if (head.isPresent() && !head.get().equals(expectedPrev)) {
            return new Verification(false, checked, null, "the last entries were removed: the chain ends before its recorded head");
        }
        return new Verification(true, checked, null, null);
    }

    static String hash(String prev, Instant at, String actor, String action, String detail) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {prev, at.toString(), actor, action, detail}) {
                byte[] b = part.getBytes(StandardCharsets.UTF_8);
                sha.update((b.length + ":").getBytes(StandardCharsets.UTF_8));
                sha.update(b);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }
}
