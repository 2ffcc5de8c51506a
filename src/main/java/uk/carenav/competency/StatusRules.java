package uk.carenav.competency;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import uk.carenav.call.AttemptSummary;
import uk.carenav.call.InputMode;
import uk.carenav.call.Mode;
import uk.carenav.competency.Records.ObservedCall;
import uk.carenav.competency.Records.SignOff;
import uk.carenav.shift.ShiftEvidence;

/** How a trainee's calls, observed calls and sign-offs become a readiness verdict and a status. Callers check access. */
@Component
class StatusRules {

    private final ReadinessPolicy policy;
    private final Clock clock;
    private final ShiftEvidence shifts;

    /** Rules with no shifts to count (a shift is then never a condition met). */
    StatusRules(ReadinessPolicy policy, Clock clock) {
        this(policy, clock, null);
    }

    @Autowired
    StatusRules(ReadinessPolicy policy, Clock clock, ShiftEvidence shifts) {
        this.policy = policy;
        this.clock = clock;
        this.shifts = shifts;
    }

    /** The verdict for one trainee, counting their passed shifts when the rule requires one. */
    Readiness.Result readiness(long traineeId, List<AttemptSummary> attempts, List<ObservedCall> observed) {
        int passedShifts = policy.passedShiftRequired() && shifts != null
                ? shifts.passedInLast(traineeId, policy.windowDays()) : 0;
        return readiness(attempts, observed, passedShifts);
    }

    /** The finished assessed calls that count as evidence under the rule in force. */
    List<AttemptSummary> assessed(List<AttemptSummary> attempts) {
        return attempts.stream().filter(a -> a.completed() && a.mode() == Mode.ASSESSMENT)
                .filter(a -> !policy.conversationOnly() || a.inputMode() == InputMode.CONVERSATION).toList();
    }

    Readiness.Result readiness(List<AttemptSummary> attempts, List<ObservedCall> observed) {
        return readiness(attempts, observed, 0);
    }

    /** {@code passedShifts}: the trainee's shifts passed in the rule's window (counts only when the rule requires one). */
    Readiness.Result readiness(List<AttemptSummary> attempts, List<ObservedCall> observed, int passedShifts) {
        List<Readiness.AssessedCall> rule = assessed(attempts).stream().map(a -> new Readiness.AssessedCall(a.endedAt(),
                a.category(), a.band(), Boolean.TRUE.equals(a.passed()), Boolean.TRUE.equals(a.critical()))).toList();
        int observedCompliant = (int) observed.stream()
                .filter(o -> o.band().equals("HIGH_COMPLIANCE") || o.band().equals("COMPLIANT")).count();
        return Readiness.judge(policy, rule, observedCompliant, passedShifts, clock.instant());
    }

    TraineeStatus status(List<AttemptSummary> attempts, Readiness.Result readiness, List<SignOff> signOffs) {
        TraineeStatus bySignOff = signOffStatus(signOffs);
        if (bySignOff != null) {
            return bySignOff;
        }
        if (readiness.ready()) {
            return TraineeStatus.READY;
        }
        return attempts.stream().anyMatch(AttemptSummary::completed) ? TraineeStatus.IN_TRAINING : TraineeStatus.NOT_STARTED;
    }

    /** Signed off, refresher due or revoked, from the newest sign-off first; null when never signed off. */
    TraineeStatus signOffStatus(List<SignOff> newestFirst) {
        if (newestFirst.isEmpty()) {
            return null;
        }
        SignOff latest = newestFirst.get(0);
        if (!latest.active()) {
            return TraineeStatus.REVOKED;
        }
        return latest.refresherDue().isBefore(LocalDate.now(clock)) ? TraineeStatus.REFRESHER_DUE : TraineeStatus.SIGNED_OFF;
    }
}
