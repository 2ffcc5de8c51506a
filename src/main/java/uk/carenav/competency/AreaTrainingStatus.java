package uk.carenav.competency;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.carenav.call.AttemptSummary;
import uk.carenav.call.TraineeCalls;
import uk.carenav.organisation.AreaHeadcount;
import uk.carenav.organisation.PracticeHeadcount;
import uk.carenav.organisation.StaffDirectory;
import uk.carenav.organisation.StaffSummary;

/**
 * For service leads: how far each practice in their area has got, by trainee status, with a RAG rating
 * on the share signed off (green at {@value #GREEN_PERCENT}% or more, amber at {@value #AMBER_PERCENT}% or more,
 * red below). Only the lead's own area.
 */
@Service
@PreAuthorize("hasRole('SERVICE_LEAD')")
public class AreaTrainingStatus {

    static final int GREEN_PERCENT = 80;
    static final int AMBER_PERCENT = 50;

    /** One practice's row. */
    public record PracticeStatus(String odsCode, String practice, String pcn, int trainees, Map<TraineeStatus, Integer> counts) {

        public int count(TraineeStatus s) {
            return counts.getOrDefault(s, 0);
        }

        /** Signed off and in date, as a share of the trainees required to train; null when there are none. */
        public Integer signedOffPercent() {
            return trainees == 0 ? null : Math.round(count(TraineeStatus.SIGNED_OFF) * 100f / trainees);
        }

        public String rag() {
            Integer p = signedOffPercent();
            return p == null ? "No trainees" : p >= GREEN_PERCENT ? "Green" : p >= AMBER_PERCENT ? "Amber" : "Red";
        }
    }

    /** The area with a row per practice. */
    public record Area(String name, List<PracticeStatus> practices) {
        public int trainees() {
            return practices.stream().mapToInt(PracticeStatus::trainees).sum();
        }

        public int count(TraineeStatus s) {
            return practices.stream().mapToInt(p -> p.count(s)).sum();
        }
    }

    private final StaffDirectory directory;
    private final TraineeCalls calls;
    private final CompetencyStore store;
    private final StatusRules rules;

    AreaTrainingStatus(StaffDirectory directory, TraineeCalls calls, CompetencyStore store, StatusRules rules) {
        this.directory = directory;
        this.calls = calls;
        this.store = store;
        this.rules = rules;
    }

    @Transactional(readOnly = true)
    public Area myArea() {
        AreaHeadcount area = directory.myArea();
        List<StaffSummary> trainees = directory.myAreaTrainees();
        Map<Long, List<AttemptSummary>> attempts = calls.callsOfAreaTrainees();
        Map<String, List<StaffSummary>> byPractice = trainees.stream()
                .collect(java.util.stream.Collectors.groupingBy(StaffSummary::practiceOds));
        List<PracticeStatus> rows = new ArrayList<>();
        for (PracticeHeadcount p : area.practices()) {
            Map<TraineeStatus, Integer> counts = new EnumMap<>(TraineeStatus.class);
            List<StaffSummary> here = byPractice.getOrDefault(p.odsCode(), List.of());
            for (StaffSummary t : here) {
                List<AttemptSummary> a = attempts.getOrDefault(t.id(), List.of());
                TraineeStatus s = rules.status(a, rules.readiness(a, store.observed(t.id())), store.signOffs(t.id()));
                counts.merge(s, 1, Integer::sum);
            }
            rows.add(new PracticeStatus(p.odsCode(), p.practice(), p.pcn(), here.size(), counts));
        }
        return new Area(area.area(), List.copyOf(rows));
    }
}
