package uk.carenav.coverage;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.carenav.competency.Readiness.Blocker;
import uk.carenav.competency.TraineeStatus;
import uk.carenav.competency.TraineeStatusSql;
import uk.carenav.organisation.StaffDirectory;

/**
 * For service leads: how far each PCN and practice in their area has got, by trainee status, with a RAG
 * rating on the share signed off (green at {@value #GREEN_PERCENT}% or more, amber at {@value #AMBER_PERCENT}% or
 * more, red below). Counts are aggregated in the database from {@code trainee_status}; only the lead's own area.
 * People whose training is not required or who are on long-term leave are counted apart and kept out of percentages.
 */
@Service
@PreAuthorize("hasRole('SERVICE_LEAD')")
@Transactional(readOnly = true)
public class AreaTrainingStatus {

    static final int GREEN_PERCENT = 80;
    static final int AMBER_PERCENT = 50;

    /** One practice's row: trainees who must train by status, people excluded, and what blocks those in training. */
    public record PracticeStatus(long practiceId, String odsCode, String practice, long pcnId, String pcn, int trainees,
            Map<TraineeStatus, Integer> counts, int excluded, Map<Blocker, Integer> blockers) {

        public int count(TraineeStatus s) {
            return counts.getOrDefault(s, 0);
        }

        public int blocked(Blocker b) {
            return blockers.getOrDefault(b, 0);
        }

        /** Signed off and in date, as a share of the trainees required to train; null when there are none. */
        public Integer signedOffPercent() {
            return percent(count(TraineeStatus.SIGNED_OFF), trainees);
        }

        public String rag() {
            return AreaTrainingStatus.rag(signedOffPercent());
        }
    }

    /** A PCN's totals over its practices. */
    public record PcnStatus(long pcnId, String pcn, List<PracticeStatus> practices) {
        public int trainees() {
            return practices.stream().mapToInt(PracticeStatus::trainees).sum();
        }

        public int count(TraineeStatus s) {
            return practices.stream().mapToInt(p -> p.count(s)).sum();
        }

        public int excluded() {
            return practices.stream().mapToInt(PracticeStatus::excluded).sum();
        }

        public Integer signedOffPercent() {
            return percent(count(TraineeStatus.SIGNED_OFF), trainees());
        }

        public String rag() {
            return AreaTrainingStatus.rag(signedOffPercent());
        }
    }

    /** The area with a row per practice, ordered by PCN then practice. */
    public record Area(String name, List<PracticeStatus> practices) {
        public int trainees() {
            return practices.stream().mapToInt(PracticeStatus::trainees).sum();
        }

        public int count(TraineeStatus s) {
            return practices.stream().mapToInt(p -> p.count(s)).sum();
        }

        public int excluded() {
            return practices.stream().mapToInt(PracticeStatus::excluded).sum();
        }

        public int blocked(Blocker b) {
            return practices.stream().mapToInt(p -> p.blocked(b)).sum();
        }

        public List<PcnStatus> pcns() {
            Map<Long, List<PracticeStatus>> by = new LinkedHashMap<>();
            practices.forEach(p -> by.computeIfAbsent(p.pcnId(), k -> new ArrayList<>()).add(p));
            return by.values().stream().map(l -> new PcnStatus(l.get(0).pcnId(), l.get(0).pcn(), List.copyOf(l))).toList();
        }
    }

    /** One person at a practice, for the drill-down. */
    public record Person(long id, String name, String staffRef, LocalDate startDate, String supervisor, String training,
            boolean required, TraineeStatus status, List<Blocker> blockers, Instant lastActivity, LocalDate refresherDue) {
    }

    /** The area at the end of one month: trainees signed off and in date, and assessed calls finished that month. */
    public record MonthPoint(YearMonth month, int signedOff, Integer signedOffPercent, int assessedCalls, int passed) {
    }

    private final JdbcClient jdbc;
    private final StaffDirectory directory;
    private final Clock clock;
    private final WeakSpotRollups rollups;

    AreaTrainingStatus(JdbcClient jdbc, StaffDirectory directory, Clock clock, WeakSpotRollups rollups) {
        this.rollups = rollups;
        this.jdbc = jdbc;
        this.directory = directory;
        this.clock = clock;
    }

    /** Trainees of one area who are active, at a practice of the area; {@code s} is the staff row, {@code p}, {@code c} practice and PCN. */
    private static final String TRAINEES_OF_AREA = """
            from staff_member s
            join staff_role r on r.staff_id = s.id and r.role = 'TRAINEE'
            join practice p on p.id = s.practice_id
            join pcn c on c.id = p.pcn_id
            left join trainee_status t on t.trainee_id = s.id
            where c.area_id = :area and s.enabled = true""";

    public Area myArea() {
        long area = directory.myAreaId();
        Instant now = clock.instant();
        Map<Long, Map<TraineeStatus, Integer>> counts = new LinkedHashMap<>();
        Map<Long, Integer> excluded = new LinkedHashMap<>();
        // Grouped outside a derived table: PostgreSQL would not match a parameterised expression in GROUP BY.
        jdbc.sql("select practice_id, training, status, count(*) from (select s.practice_id, s.training, "
                        + TraineeStatusSql.STATUS + " as status " + TRAINEES_OF_AREA + ") x group by practice_id, training, status")
                .params(params(area, now))
                .query(rs -> {
                    long practice = rs.getLong(1);
                    if ("REQUIRED".equals(rs.getString(2))) {
                        counts.computeIfAbsent(practice, k -> new EnumMap<>(TraineeStatus.class))
                                .merge(TraineeStatus.valueOf(rs.getString(3)), rs.getInt(4), Integer::sum);
                    } else {
                        excluded.merge(practice, rs.getInt(4), Integer::sum);
                    }
                });
        Map<Long, Map<Blocker, Integer>> blockers = blockers(area, now);
        List<PracticeStatus> rows = new ArrayList<>();
        jdbc.sql("""
                select p.id, p.ods_code, p.name, c.id, c.name from practice p join pcn c on c.id = p.pcn_id
                where c.area_id = ? order by c.name, p.name""").param(area)
                .query(rs -> {
                    Map<TraineeStatus, Integer> c = counts.getOrDefault(rs.getLong(1), Map.of());
                    rows.add(new PracticeStatus(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                            rs.getString(5), c.values().stream().mapToInt(Integer::intValue).sum(), c,
                            excluded.getOrDefault(rs.getLong(1), 0), blockers.getOrDefault(rs.getLong(1), Map.of())));
                });
        String name = jdbc.sql("select name from area where id = ?").param(area).query(String.class).single();
        return new Area(name, List.copyOf(rows));
    }

    /** For trainees in training (started, neither ready nor signed off): how many each condition blocks, by practice. */
    private Map<Long, Map<Blocker, Integer>> blockers(long area, Instant now) {
        StringBuilder sql = new StringBuilder("select s.practice_id");
        for (Blocker b : Blocker.values()) {
            sql.append(", sum(case when t.blocking like '%").append(b.name()).append("%'")
                    .append(b == Blocker.RECENT_CALLS ? " or t.ready_until <= :now" : "").append(" then 1 else 0 end)");
        }
        sql.append(' ').append(TRAINEES_OF_AREA).append("""
                 and s.training = 'REQUIRED' and t.sign_off = 'NONE' and t.started
                 and (t.ready_until is null or t.ready_until <= :now)
                group by s.practice_id""");
        Map<Long, Map<Blocker, Integer>> out = new LinkedHashMap<>();
        jdbc.sql(sql.toString()).params(params(area, now)).query(rs -> {
            Map<Blocker, Integer> m = new EnumMap<>(Blocker.class);
            for (Blocker b : Blocker.values()) {
                int n = rs.getInt(2 + b.ordinal());
                if (n > 0) {
                    m.put(b, n);
                }
            }
            out.put(rs.getLong(1), m);
        });
        return out;
    }

    /** Everyone with the trainee role at one practice of the lead's area; empty for a practice elsewhere. */
    public Optional<List<Person>> practicePeople(String odsCode) {
        long area = directory.myAreaId();
        Instant now = clock.instant();
        Optional<Long> practice = jdbc.sql("""
                select p.id from practice p join pcn c on c.id = p.pcn_id where p.ods_code = ? and c.area_id = ?""")
                .params(odsCode, area).query(Long.class).optional();
        if (practice.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> params = params(area, now);
        params.put("practice", practice.get());
        return Optional.of(jdbc.sql("select s.id, s.display_name, s.staff_ref, s.start_date, sup.display_name, s.training, "
                        + TraineeStatusSql.STATUS + ", t.blocking, t.last_activity, t.refresher_due, t.ready_until "
                        + TRAINEES_OF_AREA.replace("left join trainee_status t on t.trainee_id = s.id",
                                "left join trainee_status t on t.trainee_id = s.id left join staff_member sup on sup.id = s.supervisor_id")
                        + " and s.practice_id = :practice order by s.display_name")
                .params(params)
                .query((rs, n) -> {
                    TraineeStatus status = TraineeStatus.valueOf(rs.getString(7));
                    List<Blocker> blocking = new ArrayList<>();
                    if (status == TraineeStatus.IN_TRAINING) {
                        String codes = rs.getString(8) == null ? "" : rs.getString(8);
                        for (Blocker b : Blocker.values()) {
                            if (codes.contains(b.name()) || (b == Blocker.RECENT_CALLS && rs.getTimestamp(11) != null)) {
                                blocking.add(b);
                            }
                        }
                    }
                    Date start = rs.getDate(4);
                    Timestamp last = rs.getTimestamp(9);
                    Date refresher = rs.getDate(10);
                    return new Person(rs.getLong(1), rs.getString(2), rs.getString(3),
                            start == null ? null : start.toLocalDate(), rs.getString(5), rs.getString(6),
                            "REQUIRED".equals(rs.getString(6)), status, blocking, last == null ? null : last.toInstant(),
                            refresher == null ? null : refresher.toLocalDate());
                }).list());
    }

    /**
     * The last {@code months} months, oldest first: at each month end, trainees (required to train, as now)
     * signed off and in date, and the assessed calls of the area's trainees finished in the month (from the month
     * roll-ups; a pass counts after supervisors' overrides).
     */
    public List<MonthPoint> trend(int months) {
        long area = directory.myAreaId();
        ZoneId zone = clock.getZone();
        YearMonth current = YearMonth.now(clock);
        List<YearMonth> list = new ArrayList<>();
        for (int i = months - 1; i >= 0; i--) {
            list.add(current.minusMonths(i));
        }
        StringBuilder signed = new StringBuilder("select ");
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("area", area);
        for (int i = 0; i < list.size(); i++) {
            YearMonth m = list.get(i);
            Instant end = m.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
            // At the month end (or now, for this month).
            Instant at = i == list.size() - 1 ? clock.instant() : end;
            p.put("a" + i, Timestamp.from(at));
            p.put("d" + i, Date.valueOf(LocalDate.ofInstant(at, zone)));
            signed.append(i == 0 ? "" : ", ").append("count(distinct case when o.signed_at <= :a").append(i)
                    .append(" and (o.revoked_at is null or o.revoked_at > :a").append(i).append(") and o.refresher_due >= :d")
                    .append(i).append(" then o.trainee_id end)");
        }
        signed.append("""
                 from sign_off o join staff_member s on s.id = o.trainee_id join practice p on p.id = s.practice_id
                join pcn c on c.id = p.pcn_id where c.area_id = :area and s.training = 'REQUIRED' and s.enabled = true""");
        int[] signedOff = new int[list.size()];
        int[] assessed = new int[list.size()];
        int[] passed = new int[list.size()];
        jdbc.sql(signed.toString()).params(p).query(rs -> {
            for (int i = 0; i < signedOff.length; i++) {
                signedOff[i] = rs.getInt(i + 1);
            }
        });
        // Assessed calls and passes from the month roll-ups, under each trainee's practice now (moves followed first).
        rollups.followMoves();
        List<String> keys = list.stream().map(YearMonth::toString).toList();
        jdbc.sql("""
                select m.calendar_month, sum(m.calls), sum(m.passed) from rollup_practice_month m
                join practice p on p.id = m.practice_id join pcn c on c.id = p.pcn_id
                where c.area_id = :area and m.calendar_month >= :first group by m.calendar_month""")
                .param("area", area).param("first", keys.get(0)).query(rs -> {
                    int i = keys.indexOf(rs.getString(1));
                    if (i >= 0) {
                        assessed[i] = rs.getInt(2);
                        passed[i] = rs.getInt(3);
                    }
                });
        int required = jdbc.sql("select count(*) " + TRAINEES_OF_AREA + " and s.training = 'REQUIRED'")
                .params(params(area, clock.instant())).query(Integer.class).single();
        List<MonthPoint> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            out.add(new MonthPoint(list.get(i), signedOff[i], percent(signedOff[i], required), assessed[i], passed[i]));
        }
        return out;
    }

    private Map<String, Object> params(long area, Instant now) {
        Map<String, Object> p = TraineeStatusSql.parameters(now, clock.getZone());
        p.put("area", area);
        return p;
    }

    static Integer percent(int part, int whole) {
        return whole == 0 ? null : Math.round(part * 100f / whole);
    }

    static String rag(Integer percent) {
        return percent == null ? "No trainees" : percent >= GREEN_PERCENT ? "Green" : percent >= AMBER_PERCENT ? "Amber" : "Red";
    }
}
