package uk.carenav.competency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.carenav.base.AuditedAction;
import uk.carenav.base.InvalidInputException;
import uk.carenav.base.UkTime;
import uk.carenav.call.AttemptSummary;
import uk.carenav.call.EvidenceChanged;
import uk.carenav.call.Mode;
import uk.carenav.call.TraineeCalls;
import uk.carenav.competency.Records.CompetencyEvidence;
import uk.carenav.competency.Records.ObservedCall;
import uk.carenav.competency.Records.ObservedCallForm;
import uk.carenav.competency.Records.SignOff;
import uk.carenav.competency.Records.TraineeOverview;
import uk.carenav.competency.Records.TraineeRecord;
import uk.carenav.organisation.StaffDirectory;
import uk.carenav.organisation.StaffProfile;
import uk.carenav.organisation.StaffSummary;
import uk.carenav.scenario.Catalogue;
import uk.carenav.scenario.ScenarioLibrary;
import uk.carenav.scoring.RoutingGrade;

/**
 * The supervisor's evidence and decisions for the trainees of their own practices: readiness, competency
 * evidence, observed live calls, sign-off (or an explicit exception) and revocation. Every decision goes to
 * the audit trail; a sign-off keeps a snapshot of the evidence it was based on.
 */
@Service
@PreAuthorize("hasRole('SUPERVISOR')")
public class SignOffService {

    public static final String DECLARATION = "I have reviewed this trainee's assessed calls and observed live calls. I am satisfied "
            + "they can recognise red flags, signpost safely within their role and protect patients' information, and "
            + "that they may take real calls as a care navigator.";
    /** The grades a supervisor can give the route of an observed live call: the engine's, less "not routed". */
    public static final List<RoutingGrade> OBSERVED_ROUTE_GRADES = Arrays
            .stream(RoutingGrade.values()).filter(g -> g != RoutingGrade.NOT_ROUTED)
            .toList();
    static final Set<String> ROUTE_GRADES = OBSERVED_ROUTE_GRADES.stream().map(Enum::name)
            .collect(Collectors.toUnmodifiableSet());
    static final Set<String> RATINGS = Set.of("MET", "PARTLY_MET", "NOT_MET");
    static final Set<String> BANDS = Set.of("HIGH_COMPLIANCE", "COMPLIANT", "PARTIAL", "LOW", "NON_COMPLIANT");

    private final TraineeCalls calls;
    private final StaffDirectory directory;
    private final ScenarioLibrary library;
    private final CompetencyStore store;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final ReadinessPolicy policy;
    private final ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private final CompetencyFramework framework;
    private final StatusRules statusRules;

    SignOffService(TraineeCalls calls, StaffDirectory directory, ScenarioLibrary library, CompetencyStore store, Clock clock,
            ApplicationEventPublisher events, ReadinessPolicy policy, CompetencyFramework framework, StatusRules statusRules) {
        this.framework = framework;
        this.statusRules = statusRules;
        this.policy = policy;
        this.calls = calls;
        this.directory = directory;
        this.library = library;
        this.store = store;
        this.clock = clock;
        this.events = events;
    }

    public ReadinessPolicy policy() {
        return policy;
    }

    /** My trainees: status, blockers and last activity, for the supervisor's own practices only. */
    @Transactional(readOnly = true)
    public List<TraineeOverview> myTrainees() {
        Map<Long, List<AttemptSummary>> byTrainee = calls.callsOfMyTrainees();
        List<TraineeOverview> out = new ArrayList<>();
        for (StaffSummary t : directory.myTrainees()) {
            List<AttemptSummary> attempts = byTrainee.getOrDefault(t.id(), List.of());
            Readiness.Result readiness = statusRules.readiness(t.id(), attempts, store.observed(t.id()));
            TraineeStatus status = status(attempts, readiness, store.signOffs(t.id()));
            Instant last = attempts.stream().map(a -> a.endedAt() != null ? a.endedAt() : a.startedAt())
                    .max(Comparator.naturalOrder()).orElse(null);
            out.add(new TraineeOverview(t, status, readiness.blockers().stream().map(c -> c.code().label()).toList(), last,
                    finished(attempts, Mode.ASSESSMENT).size()));
        }
        return out;
    }

    /** Everything about one trainee; refused for anyone outside the supervisor's practices. */
    @Transactional(readOnly = true)
    public TraineeRecord trainee(long traineeId) {
        StaffSummary t = mine(traineeId);
        List<AttemptSummary> attempts = calls.callsOf(traineeId);
        List<ObservedCall> observed = store.observed(traineeId);
        Readiness.Result readiness = statusRules.readiness(traineeId, attempts, observed);
        List<SignOff> signOffs = store.signOffs(traineeId);
        return new TraineeRecord(t, status(attempts, readiness, signOffs), readiness, competencies(attempts, observed),
                finished(attempts, Mode.ASSESSMENT), observed, signOffs, finished(attempts, Mode.PRACTICE));
    }

    /** Stores a live call the supervisor listened to. The form has no field for patient details. */
    @Transactional
    public void recordObservedCall(long traineeId, ObservedCallForm form) {
        StaffSummary t = mine(traineeId);
        LocalDate today = LocalDate.now(clock);
        if (form.observedOn() == null || form.observedOn().isAfter(today) || form.observedOn().isBefore(today.minusYears(1))) {
            throw new InvalidInputException("Date of the call", "Give the date of the call: today or within the last year.");
        }
        check("Route", form.routeGrade(), ROUTE_GRADES);
        check("Red-flag screening", form.redFlags(), RATINGS);
        check("Safety-netting", form.safetyNetting(), RATINGS);
        check("Communication and confidentiality", form.communication(), RATINGS);
        check("Documentation", form.documentation(), RATINGS);
        check("Overall band", form.band(), BANDS);
        if (form.comments() != null && form.comments().length() > 2000) {
            throw new InvalidInputException("Comments", "Keep comments under 2,000 characters.");
        }
        StaffProfile me = directory.currentProfile();
        store.insertObserved(traineeId, me.id(), form, clock.instant());
        events.publishEvent(new EvidenceChanged(traineeId));
        events.publishEvent(new AuditedAction(me.username(), "LIVE_CALL_OBSERVED", t.username() + " on " + form.observedOn()
                + ": " + form.band()));
    }

    /**
     * Signs a trainee off. Allowed when the readiness rule is met; otherwise only as an explicit exception
     * with a reason. The supervisor must confirm the declaration.
     */
    @Transactional
    public void signOff(long traineeId, boolean declarationConfirmed, String exceptionReason) {
        TraineeRecord r = trainee(traineeId);
        if (r.status() == TraineeStatus.SIGNED_OFF) {
            throw new InvalidInputException("Sign-off", r.trainee().displayName() + " is already signed off.");
        }
        if (!declarationConfirmed) {
            throw new InvalidInputException("Declaration", "Confirm the declaration to sign off.");
        }
        boolean exception = !r.readiness().ready();
        String reason = exceptionReason == null ? "" : exceptionReason.strip();
        if (exception && reason.length() < 20) {
            throw new InvalidInputException("Reason for the exception", "The readiness rule is not met ("
                    + r.readiness().blockers().size() + " conditions blocking). To sign off anyway, explain why "
                    + "(at least 20 characters); the reason is kept with the sign-off.");
        }
        StaffProfile me = directory.currentProfile();
        Instant now = clock.instant();
        LocalDate refresher = LocalDate.ofInstant(now, UkTime.ZONE).plusMonths(policy.refresherMonths());
        store.insertSignOff(traineeId, me.id(), now, policy.version(), exception, exception ? reason : null, DECLARATION,
                snapshot(r), refresher);
        events.publishEvent(new EvidenceChanged(traineeId));
        events.publishEvent(new AuditedAction(me.username(), exception ? "SIGN_OFF_EXCEPTION" : "SIGN_OFF",
                r.trainee().username() + " signed off under readiness rule " + policy.version()
                        + (exception ? "; exception: " + reason : "") + "; refresher due " + refresher));
    }

    /** Withdraws a sign-off, with a reason; the record of the sign-off stays. */
    @Transactional
    public void revoke(long signOffId, String reason) {
        Long traineeId = store.traineeOfSignOff(signOffId);
        if (traineeId == null) {
            throw new InvalidInputException("Sign-off", "There is no such sign-off.");
        }
        StaffSummary t = mine(traineeId);
        String why = reason == null ? "" : reason.strip();
        if (why.length() < 10) {
            throw new InvalidInputException("Reason", "Say why the sign-off is revoked (at least 10 characters).");
        }
        StaffProfile me = directory.currentProfile();
        if (!store.revoke(signOffId, clock.instant(), me.username(), why)) {
            throw new InvalidInputException("Reason", "This sign-off has already been revoked.");
        }
        events.publishEvent(new EvidenceChanged(traineeId));
        events.publishEvent(new AuditedAction(me.username(), "SIGN_OFF_REVOKED", t.username() + ": " + why));
    }

    /** The certificate of an active sign-off of one of the supervisor's trainees, as a PDF. */
    @Transactional(readOnly = true)
    public byte[] certificate(long traineeId) {
        StaffSummary t = mine(traineeId);
        return certificate(t.displayName(), t.practice(), t.pcn(), store.signOffs(traineeId),
                "There is no active sign-off to certify.");
    }

    /** The signed-in trainee's own status and sign-offs. */
    @PreAuthorize("hasRole('TRAINEE')")
    @Transactional(readOnly = true)
    public MyStatus myStatus() {
        List<SignOff> signOffs = store.signOffs(directory.currentStaffId());
        return new MyStatus(statusRules.signOffStatus(signOffs), signOffs.isEmpty() ? null : signOffs.get(0));
    }

    /** The signed-in trainee's own certificate, while their sign-off is active. */
    @PreAuthorize("hasRole('TRAINEE')")
    @Transactional(readOnly = true)
    public byte[] myCertificate() {
        StaffProfile me = directory.currentProfile();
        return certificate(me.displayName(), me.practice(), me.pcn(), store.signOffs(me.id()),
                "You have no active sign-off.");
    }

    /** A trainee's sign-off status as they see it; null status when never signed off. */
    public record MyStatus(TraineeStatus status, SignOff latest) {
    }

    private byte[] certificate(String name, String practice, String pcn, List<SignOff> signOffs, String noneMessage) {
        SignOff active = signOffs.stream().filter(SignOff::active).findFirst()
                .orElseThrow(() -> new InvalidInputException("Certificate", noneMessage));
        return CertificatePdf.render(new CertificatePdf.Content(name, practice, pcn,
                LocalDate.ofInstant(active.signedAt(), UkTime.ZONE), active.supervisor(), active.policyVersion(),
                active.exception(), evidencedCompetencies(store.evidence(active.id())), active.refresherDue(), active.id()));
    }

    /** The competencies the sign-off's evidence snapshot shows as evidenced, with their titles. */
    private List<String> evidencedCompetencies(String evidenceJson) {
        List<String> out = new ArrayList<>();
        try {
            var root = json.readTree(evidenceJson);
            Map<String, Catalogue.Competency> byId = new LinkedHashMap<>();
            framework.current().forEach(c -> byId.put(c.id(), c));
            for (var c : root.path("competencies")) {
                if (!"Not yet evidenced".equals(c.path("status").asText())) {
                    var comp = byId.get(c.path("competency").asText());
                    out.add(c.path("competency").asText() + " " + (comp == null ? "" : comp.title()) + " ("
                            + c.path("status").asText().toLowerCase() + ")");
                }
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The evidence of this sign-off cannot be read", e);
        }
        return out;
    }

    private StaffSummary mine(long traineeId) {
        return directory.myTrainee(traineeId).orElseThrow(() -> new AccessDeniedException("Not one of your trainees"));
    }

    /** Finished calls of one mode, newest first, however they were taken. */
    private static List<AttemptSummary> finished(List<AttemptSummary> attempts, Mode mode) {
        return attempts.stream().filter(a -> a.completed() && a.mode() == mode).toList();
    }

    private List<AttemptSummary> assessed(List<AttemptSummary> attempts) {
        return statusRules.assessed(attempts);
    }

    private TraineeStatus status(List<AttemptSummary> attempts, Readiness.Result readiness, List<SignOff> signOffs) {
        return statusRules.status(attempts, readiness, signOffs);
    }

    /** Which competencies each part of the observed live-call rubric shows, when rated Met (route: correct or acceptable). */
    static final Map<String, List<String>> OBSERVED_EVIDENCE = Map.of(
            "route", List.of("SERV-1", "SERV-2"),
            "redFlags", List.of("RISK-1", "RISK-2"),
            "safetyNetting", List.of("SN-1"),
            "communication", List.of("COM-1", "COM-2", "IG-1", "ROLE-1"),
            "documentation", List.of("DOC-1"));

    /**
     * Evidence per competency from assessed calls (the scenario's competencies) and observed live calls (the
     * rubric parts rated Met). "Proficient" with two or more pieces of evidence and the latest assessed call
     * passed; "Developing" once there is any evidence; "Not yet evidenced" before.
     */
    private List<CompetencyEvidence> competencies(List<AttemptSummary> attempts, List<ObservedCall> observed) {
        Map<String, List<String>> byScenario = calls.competenciesByScenario();
        List<AttemptSummary> newestFirst = assessed(attempts);
        List<CompetencyEvidence> out = new ArrayList<>();
        for (Catalogue.Competency c : framework.current()) {
            List<AttemptSummary> evidencing = newestFirst.stream()
                    .filter(a -> byScenario.getOrDefault(a.scenarioId(), List.of()).contains(c.id())).toList();
            int passed = (int) evidencing.stream().filter(a -> Boolean.TRUE.equals(a.passed())).count();
            int observedMet = (int) observed.stream().filter(o -> observedShows(o, c.id())).count();
            boolean latestPassed = evidencing.isEmpty() || Boolean.TRUE.equals(evidencing.get(0).passed());
            String status = evidencing.isEmpty() && observedMet == 0 ? "Not yet evidenced"
                    : passed + observedMet >= 2 && latestPassed ? "Proficient" : "Developing";
            out.add(new CompetencyEvidence(c, evidencing.size(), passed, observedMet, status));
        }
        return out;
    }

    private static boolean observedShows(ObservedCall o, String competency) {
        return (("CORRECT".equals(o.routeGrade()) || "ACCEPTABLE".equals(o.routeGrade()))
                        && OBSERVED_EVIDENCE.get("route").contains(competency))
                || ("MET".equals(o.redFlags()) && OBSERVED_EVIDENCE.get("redFlags").contains(competency))
                || ("MET".equals(o.safetyNetting()) && OBSERVED_EVIDENCE.get("safetyNetting").contains(competency))
                || ("MET".equals(o.communication()) && OBSERVED_EVIDENCE.get("communication").contains(competency))
                || ("MET".equals(o.documentation()) && OBSERVED_EVIDENCE.get("documentation").contains(competency));
    }

    private String snapshot(TraineeRecord r) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("policyVersion", r.readiness().policyVersion());
        s.put("conditions", r.readiness().conditions());
        s.put("assessedCalls", r.assessedCalls().stream().map(a -> Map.of("attempt", a.id(), "scenario",
                a.scenarioId() + " v" + a.scenarioVersion(), "category", a.category(), "band", String.valueOf(a.band()),
                "ended", String.valueOf(a.endedAt()))).toList());
        s.put("observedLiveCalls", r.observed());
        s.put("competencies", r.competencies().stream().map(c -> Map.of("competency", c.competency().id(), "status",
                c.status(), "assessedCalls", c.assessedCalls(), "passed", c.passed(), "observedMet", c.observedMet())).toList());
        try {
            return json.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void check(String field, String value, Set<String> allowed) {
        if (value == null || !allowed.contains(value)) {
            throw new InvalidInputException(field, "Choose one of the options for " + field.toLowerCase() + ".");
        }
    }
}
