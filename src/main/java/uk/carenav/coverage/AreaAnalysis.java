package uk.carenav.coverage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.carenav.competency.CompetencyFramework;
import uk.carenav.organisation.StaffDirectory;
import uk.carenav.scenario.Catalogue;
import uk.carenav.scenario.Scenario;
import uk.carenav.scenario.ScenarioLibrary;

/**
 * For service leads: where their area is weak, from every finished call (practice and assessment) of the
 * area's trainees, read from the roll-ups {@link WeakSpotRollups} keeps at each call's end (a pass counts as it
 * stands after supervisors' overrides). Only the lead's own area.
 */
@Service
@PreAuthorize("hasRole('SERVICE_LEAD')")
@Transactional(readOnly = true)
public class AreaAnalysis {

    /** Calls at least this many before a rate is shown; fewer say too little. */
    public static final int MIN_CALLS = 3;

    /** Calls and calls passed (or screens and screens missed): a rate when there are enough. */
    public record Rate(int of, int count) {
        public Integer percent() {
            return of < MIN_CALLS ? null : Math.round(count * 100f / of);
        }
    }

    /** A table of rates: a row per practice, a column per competency or red-flag screen. */
    public record HeatMap(List<String> columns, Map<String, String> columnTitles, List<String> practices,
            Map<String, Map<String, Rate>> cells) {
        public Rate cell(String practice, String column) {
            return cells.getOrDefault(practice, Map.of()).getOrDefault(column, new Rate(0, 0));
        }
    }

    /**
     * Classical item analysis of one scenario: how many calls, the pass rate, difficulty (the mean score) and
     * discrimination (pass rate of the strongest quarter of trainees minus that of the weakest quarter, by their
     * mean score over all calls; null when either quarter has fewer than {@value #MIN_CALLS} calls), and the
     * wrong route chosen most often.
     */
    public record Item(String scenarioId, String title, String category, int calls, Integer passPercent,
            Double meanScore, Integer discrimination, String commonWrongRoute, int wrongRouteCalls) {
    }

    /** Roll-up rows of the practices in the lead's area; {@code r} is the roll-up table. */
    private static final String IN_AREA = """
             r join practice p on p.id = r.practice_id
            join pcn c on c.id = p.pcn_id
            where c.area_id = :area""";

    private final JdbcClient jdbc;
    private final StaffDirectory directory;
    private final ScenarioLibrary library;
    private final CompetencyFramework framework;
    private final WeakSpotRollups rollups;

    AreaAnalysis(JdbcClient jdbc, StaffDirectory directory, ScenarioLibrary library, CompetencyFramework framework,
            WeakSpotRollups rollups) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.library = library;
        this.framework = framework;
        this.rollups = rollups;
    }

    /** Pass rate of calls on the scenarios that evidence each competency, by practice. */
    public HeatMap competencies() {
        long area = myArea();
        Map<String, List<String>> byScenario = new HashMap<>();
        library.current().scenarios().forEach(s -> byScenario.put(s.id(), s.competencies()));
        Map<String, Map<String, int[]>> sums = new LinkedHashMap<>();
        jdbc.sql("select p.name, r.scenario_id, r.calls, r.passed from rollup_practice_scenario" + IN_AREA + " and r.calls > 0")
                .param("area", area)
                .query(rs -> {
                    for (String competency : byScenario.getOrDefault(rs.getString(2), List.of())) {
                        int[] s = sums.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                                .computeIfAbsent(competency, k -> new int[2]);
                        s[0] += rs.getInt(3);
                        s[1] += rs.getInt(4);
                    }
                });
        List<String> columns = new ArrayList<>();
        Map<String, String> titles = new LinkedHashMap<>();
        for (Catalogue.Competency c : framework.current()) {
            columns.add(c.id());
            titles.put(c.id(), c.title());
        }
        return new HeatMap(columns, titles, practicesOf(area), rates(sums));
    }

    /** The red-flag screens missed most across the area (up to {@code limit}), with the share missed, by practice. */
    public HeatMap missedRedFlags(int limit) {
        long area = myArea();
        Map<String, Map<String, int[]>> sums = new LinkedHashMap<>();
        Map<String, Integer> missedInArea = new HashMap<>();
        jdbc.sql("select p.name, r.screen, r.screens, r.missed from rollup_practice_screen" + IN_AREA + " and r.screens > 0")
                .param("area", area)
                .query(rs -> {
                    sums.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2),
                            new int[] {rs.getInt(3), rs.getInt(4)});
                    missedInArea.merge(rs.getString(2), rs.getInt(4), Integer::sum);
                });
        List<String> columns = missedInArea.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit).map(Map.Entry::getKey).toList();
        Map<String, String> titles = new LinkedHashMap<>();
        columns.forEach(c -> titles.put(c, c + ": missed " + missedInArea.get(c) + " times in the area"));
        return new HeatMap(columns, titles, practicesOf(area), rates(sums));
    }

    /**
     * One red-flag screen at one practice: how often it was missed on calls answered from a shift's queue, and on
     * single calls (every other finished call).
     */
    public record QueuePressure(String practice, String screen, Rate inShifts, Rate singleCalls) {
    }

    /**
     * Red flags missed under queue pressure compared with the same screens on single calls, by practice: every
     * screen that came up in a shift call, the most missed in shifts first. Shift calls are few, so they are read
     * from the calls; single calls are the roll-ups less the shift calls.
     */
    public List<QueuePressure> queuePressure() {
        long area = myArea();
        Map<List<String>, int[]> shifts = new LinkedHashMap<>();
        jdbc.sql("""
                select p.name, x.screen, count(*), sum(case when x.asked then 0 else 1 end)
                from attempt a join attempt_screen x on x.attempt_id = a.id
                join staff_member s on s.id = a.trainee_id
                join practice p on p.id = s.practice_id join pcn c on c.id = p.pcn_id
                where c.area_id = :area and a.shift_id is not null and a.status = 'COMPLETED'
                group by p.name, x.screen""").param("area", area)
                .query(rs -> {
                    shifts.put(List.of(rs.getString(1), rs.getString(2)), new int[] {rs.getInt(3), rs.getInt(4)});
                });
        if (shifts.isEmpty()) {
            return List.of();
        }
        Map<List<String>, int[]> all = new HashMap<>();
        jdbc.sql("select p.name, r.screen, r.screens, r.missed from rollup_practice_screen" + IN_AREA)
                .param("area", area)
                .query(rs -> {
                    all.put(List.of(rs.getString(1), rs.getString(2)), new int[] {rs.getInt(3), rs.getInt(4)});
                });
        List<QueuePressure> out = new ArrayList<>();
        shifts.forEach((key, s) -> {
            int[] a = all.getOrDefault(key, new int[] {s[0], s[1]});
            out.add(new QueuePressure(key.get(0), key.get(1), new Rate(s[0], s[1]),
                    new Rate(Math.max(0, a[0] - s[0]), Math.max(0, a[1] - s[1]))));
        });
        out.sort(Comparator.comparingDouble((QueuePressure q) -> -(double) q.inShifts().count() / q.inShifts().of())
                .thenComparing(QueuePressure::practice).thenComparing(QueuePressure::screen));
        return List.copyOf(out);
    }

    /** Every scenario taken in the area, hardest first. */
    public List<Item> items() {
        long area = myArea();
        Map<String, Scenario> scenarios = new HashMap<>();
        library.current().scenarios().forEach(s -> scenarios.put(s.id(), s));
        Map<String, Catalogue.Route> routes = library.current().catalogue().routes();

        record Base(String title, String category, int calls, int passed, double scoreSum) {
        }
        Map<String, Base> base = new LinkedHashMap<>();
        jdbc.sql("select r.scenario_id, max(t.title), max(t.category), sum(r.calls), sum(r.passed), sum(r.score_sum)"
                        + " from rollup_practice_scenario" + IN_AREA.replace(" r join", " r left join rollup_scenario t"
                        + " on t.scenario_id = r.scenario_id join") + " group by r.scenario_id having sum(r.calls) > 0")
                .param("area", area)
                .query(rs -> {
                    base.put(rs.getString(1), new Base(rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
                            rs.getDouble(6)));
                });
        // Pass counts by quarter of trainees ranked by their mean score (NTILE runs on H2 and PostgreSQL).
        Map<String, int[]> quarters = new HashMap<>();
        jdbc.sql("""
                with means as (select r.trainee_id, r.score_sum / r.calls mean_score from rollup_trainee""" + IN_AREA + """
                 and r.calls > 0),
                ranked as (select trainee_id, ntile(4) over (order by mean_score, trainee_id) quarter from means)
                select t.scenario_id, q.quarter, sum(t.calls), sum(t.passed)
                from rollup_trainee_scenario t join ranked q on q.trainee_id = t.trainee_id
                where q.quarter in (1, 4)
                group by t.scenario_id, q.quarter""")
                .param("area", area)
                .query(rs -> {
                    int[] q = quarters.computeIfAbsent(rs.getString(1), k -> new int[4]);
                    int at = rs.getInt(2) == 1 ? 0 : 2;
                    q[at] += rs.getInt(3);
                    q[at + 1] += rs.getInt(4);
                });
        Map<String, String[]> wrong = new HashMap<>();
        jdbc.sql("select r.scenario_id, r.route, sum(r.calls) from rollup_practice_wrong_route" + IN_AREA
                        + " group by r.scenario_id, r.route having sum(r.calls) > 0")
                .param("area", area)
                .query(rs -> {
                    String[] best = wrong.get(rs.getString(1));
                    if (best == null || Integer.parseInt(best[1]) < rs.getInt(3)
                            || Integer.parseInt(best[1]) == rs.getInt(3) && best[0].compareTo(rs.getString(2)) > 0) {
                        wrong.put(rs.getString(1), new String[] {rs.getString(2), Integer.toString(rs.getInt(3))});
                    }
                });
        List<Item> out = new ArrayList<>();
        base.forEach((id, b) -> {
            int calls = b.calls();
            int[] q = quarters.getOrDefault(id, new int[4]);
            Integer discrimination = q[0] < MIN_CALLS || q[2] < MIN_CALLS ? null
                    : Math.round(q[3] * 100f / q[2] - q[1] * 100f / q[0]);
            String[] w = wrong.get(id);
            String wrongRoute = w == null ? "" : w[0] == null || w[0].isEmpty() ? "No route chosen"
                    : routes.containsKey(w[0]) ? routes.get(w[0]).name() : w[0];
            Scenario s = scenarios.get(id);
            out.add(new Item(id, s != null ? s.title() : b.title() != null ? b.title() : id,
                    s != null ? s.category() : b.category(), calls,
                    calls < MIN_CALLS ? null : Math.round(b.passed() * 100f / calls),
                    Math.round(b.scoreSum() / calls * 10) / 10.0, discrimination, wrongRoute,
                    w == null ? 0 : Integer.parseInt(w[1])));
        });
        out.sort(Comparator.comparing((Item i) -> i.passPercent() == null ? 101 : i.passPercent())
                .thenComparing(Item::scenarioId));
        return out;
    }

    /** The lead's area, once trainees who have moved practice are counted where they are now. */
    private long myArea() {
        long area = directory.myAreaId();
        rollups.followMoves();
        return area;
    }

    private List<String> practicesOf(long area) {
        return jdbc.sql("select p.name from practice p join pcn c on c.id = p.pcn_id where c.area_id = ? order by p.name")
                .param(area).query(String.class).list();
    }

    private static Map<String, Map<String, Rate>> rates(Map<String, Map<String, int[]>> sums) {
        Map<String, Map<String, Rate>> out = new LinkedHashMap<>();
        sums.forEach((practice, m) -> {
            Map<String, Rate> row = new LinkedHashMap<>();
            m.forEach((col, s) -> row.put(col, new Rate(s[0], s[1])));
            out.put(practice, row);
        });
        return out;
    }
}
