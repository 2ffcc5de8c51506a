package uk.carenav.competency;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import uk.carenav.call.AttemptSummary;
import uk.carenav.organisation.StaffSummary;
import uk.carenav.scenario.Catalogue;

/** The values the supervisor's pages show. */
public final class Records {

    private Records() {
    }

    /** A row of My trainees. */
    public record TraineeOverview(StaffSummary trainee, TraineeStatus status, List<String> blockers, Instant lastActivity,
            int assessedCalls) {
    }

    /** A live call the supervisor listened to, rated on the same rubric. No patient details are kept. */
    public record ObservedCall(long id, LocalDate observedOn, String routeGrade, String redFlags, String safetyNetting,
            String communication, String documentation, String band, String comments, String supervisor) {
    }

    /** What a supervisor enters after listening to a live call. */
    public record ObservedCallForm(LocalDate observedOn, String routeGrade, String redFlags, String safetyNetting,
            String communication, String documentation, String band, String comments) {
    }

    /** A sign-off, possibly revoked later. */
    public record SignOff(long id, Instant signedAt, String supervisor, String policyVersion, boolean exception,
            String exceptionReason, LocalDate refresherDue, Instant revokedAt, String revokedBy, String revokeReason) {
        public boolean active() {
            return revokedAt == null;
        }
    }

    /** A competency with the trainee's evidence for it. */
    public record CompetencyEvidence(Catalogue.Competency competency, int assessedCalls, int passed, int observedMet,
            String status) {
    }

    /**
     * Everything about one trainee for the supervisor. {@code assessedCalls} lists every finished assessment,
     * however it was taken (the readiness rule decides which count); {@code practiceCalls} the finished practice
     * calls, for coaching.
     */
    public record TraineeRecord(StaffSummary trainee, TraineeStatus status, Readiness.Result readiness,
            List<CompetencyEvidence> competencies, List<AttemptSummary> assessedCalls, List<ObservedCall> observed,
            List<SignOff> signOffs, List<AttemptSummary> practiceCalls) {
    }
}
