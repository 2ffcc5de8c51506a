package uk.carenav.call;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.carenav.organisation.StaffDirectory;
import uk.carenav.organisation.StaffSummary;
import uk.carenav.scenario.Scenario;
import uk.carenav.scenario.ScenarioLibrary;

/** For supervisors: the calls of the trainees at their own practices, never anyone else's. */
@Service
@PreAuthorize("hasRole('SUPERVISOR')")
@Transactional(readOnly = true)
public class TraineeCalls {

    private final AttemptStore store;
    private final StaffDirectory directory;
    private final ScenarioLibrary library;

    TraineeCalls(AttemptStore store, StaffDirectory directory, ScenarioLibrary library) {
        this.store = store;
        this.directory = directory;
        this.library = library;
    }

    /** Every call of one of the supervisor's trainees, newest first. */
    public List<AttemptSummary> callsOf(long traineeId) {
        if (directory.myTrainee(traineeId).isEmpty()) {
            throw new AccessDeniedException("Not one of your trainees");
        }
        return store.forTrainee(traineeId);
    }

    /** The calls of all the supervisor's trainees, by trainee id. */
    public Map<Long, List<AttemptSummary>> callsOfMyTrainees() {
        List<Long> ids = directory.myTrainees().stream().map(StaffSummary::id).toList();
        Map<String, Long> owner = new HashMap<>();
        List<AttemptSummary> all = store.forTrainees(ids, owner);
        Map<Long, List<AttemptSummary>> out = all.stream().collect(Collectors.groupingBy(a -> owner.get(a.id())));
        ids.forEach(id -> out.putIfAbsent(id, List.of()));
        return out;
    }

    /** The competencies each scenario evidences, from the current library. */
    public Map<String, List<String>> competenciesByScenario() {
        return library.current().scenarios().stream().collect(Collectors.toMap(Scenario::id, Scenario::competencies));
    }
}
