package uk.carenav.shift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.carenav.call.AttemptSummary;
import uk.carenav.call.InputMode;
import uk.carenav.call.Mode;
import uk.carenav.call.ShiftCall;
import uk.carenav.call.ShiftLink;
import uk.carenav.scenario.Severity;
import uk.carenav.scoring.ComplianceBand;
import uk.carenav.scoring.Finding;
import uk.carenav.scoring.RoutingGrade;
import uk.carenav.scoring.ScoreCard;
import uk.carenav.scoring.Segment;

/**
 * The report's figures against a shift worked out by hand. Ten minutes (the queue closes at 600 s), a red flag must
 * be routed within 300 s of joining the queue:
 * <pre>
 * caller  joins  patience  rings back  answered  call                                      what happened
 * 1       0      120       no          10        50 s, admin team (correct)                 answered
 * 2       4      250       +60         200       90 s, 999 at 40 s (correct), worsened      red flag, routed at 240: 236 s from joining
 * 3       60     90        +30         260       30 s, call-back at 25 s (acceptable),      hung up at 150, rang back at 180
 *                                                one screen not asked
 * 4       100    300       no          -                                                    hung up at 400 for good
 * 5       500    300       +60         -                                                    red flag, still waiting at 600
 * </pre>
 * So: 5 callers, 3 answered, 2 abandoned (3 and 4), 1 rang back, 1 hung up for good, 1 left waiting; mean handling
 * (50 + 90 + 30) / 3 = 56.7 s; red flags: caller 2 in time (236 s), caller 5 missed; 1 screen missed; 1 call-back,
 * safe. Not passed, because of caller 5.
 */
class ShiftReportTest {

    static final Instant T0 = Instant.parse("2026-12-07T08:00:00Z");

    static final ShiftPlan PLAN = new ShiftPlan("test", 1, "Test shift", 10, 300, List.of(
            caller(1, false, "repeat-prescription-request", "routine", 0, 120, null),
            new ShiftPlan.Caller(2, "Red flag", true, "stroke-father-fast", 5, "tia-passed", "Dad's speech", "Book dad in",
                    4, 250, 60, 180, "tia-then-recurs", "It's come back"),
            caller(3, false, "smear-test-booking", "due", 60, 90, 30),
            caller(4, false, "fit-note-request", "extension", 100, 300, null),
            caller(5, true, "recall-review-and-high-home-bp", "bp-chest-pain", 500, 300, 60)));

    static ShiftPlan.Caller caller(int n, boolean redFlag, String scenario, String variant, int joins, int patience,
            Integer ringsBack) {
        return new ShiftPlan.Caller(n, redFlag ? "Red flag" : "Routine", redFlag, scenario, 1, variant, "Call " + n, null,
                joins, patience, ringsBack, null, null, null);
    }

    static ShiftCall call(String id, String scenario, String variant, double answeredAt, long handling, String route,
            RoutingGrade grade, double routeAt, boolean screenMissed, boolean critical) {
        Instant start = T0.plusSeconds((long) answeredAt);
        Finding screen = new Finding(Segment.RED_FLAG_SCREENING, "Screen: the red flag", "Asked before routing",
                screenMissed ? "Not asked" : "Asked before routing", screenMissed ? Severity.CRITICAL : null,
                screenMissed ? 0 : 3, 3, "why", "source");
        List<String> failed = critical ? List.of(ScoreCard.CRITICAL_DEVIATION + "Screen: the red flag") : List.of();
        ScoreCard card = new ScoreCard(scenario, 1, variant, List.of(new ScoreCard.SegmentScore(Segment.RED_FLAG_SCREENING,
                screen.points(), 3, List.of(screen))), grade, route, routeAt, 1, null, 3, 3, 100.0,
                critical ? ComplianceBand.NON_COMPLIANT : ComplianceBand.HIGH_COMPLIANCE, !critical, critical, failed);
        AttemptSummary a = new AttemptSummary(id, scenario, 1, variant, "Call", "routine-and-admin", Mode.PRACTICE, true,
                start, start.plusSeconds(handling), 100.0, card.band().name(), !critical, critical, InputMode.CONVERSATION);
        return new ShiftCall(a, card, new ShiftLink("shift", 0, null));
    }

    static Map<String, ShiftCall> calls(ShiftCall... calls) {
        Map<String, ShiftCall> out = new HashMap<>();
        for (ShiftCall c : calls) {
            out.put(c.attempt().id(), c);
        }
        return out;
    }

    static final List<ShiftReport.Answer> ANSWERS = List.of(new ShiftReport.Answer(1, 10, "a1", "routine", false),
            new ShiftReport.Answer(2, 200, "a2", "tia-then-recurs", true),
            new ShiftReport.Answer(3, 260, "a3", "due", false));

    @Test
    void theFiguresOfAShiftWorkedOutByHand() {
        ShiftReport r = ShiftReport.of(PLAN, ANSWERS, calls(
                call("a1", "repeat-prescription-request", "routine", 10, 50, "admin-team", RoutingGrade.CORRECT, 30, false, false),
                call("a2", "stroke-father-fast", "tia-then-recurs", 200, 90, "emergency-999", RoutingGrade.CORRECT, 40, false,
                        false),
                call("a3", "smear-test-booking", "due", 260, 30, "call-back", RoutingGrade.ACCEPTABLE, 25, true, false)),
                600, "call-back");

        assertThat(r.callers()).isEqualTo(5);
        assertThat(r.answered()).isEqualTo(3);
        assertThat(r.abandoned()).isEqualTo(2);
        assertThat(r.rangBack()).isEqualTo(1);
        assertThat(r.hungUpForGood()).isEqualTo(1);
        assertThat(r.leftWaiting()).isEqualTo(1);
        assertThat(r.neverRang()).isZero();
        assertThat(r.meanHandlingSeconds()).isCloseTo(56.67, offset(0.01));

        assertThat(r.redFlagCalls()).extracting(ShiftReport.RedFlagCall::caller, ShiftReport.RedFlagCall::inTime)
                .containsExactly(tuple(2, true), tuple(5, false));
        ShiftReport.RedFlagCall stroke = r.redFlagCalls().get(0);
        assertThat(stroke.worsened()).isTrue();
        assertThat(stroke.variantId()).isEqualTo("tia-then-recurs");
        assertThat(stroke.answeredAt()).isEqualTo(200.0);
        assertThat(stroke.routedAt()).isEqualTo(240.0);
        assertThat(stroke.secondsFromJoining()).isEqualTo(236.0);
        assertThat(stroke.outcome()).isEqualTo("routed safely 3:56 after joining the queue");
        assertThat(r.redFlagCalls().get(1).outcome()).isEqualTo("was still waiting when the queue closed, and was never routed");

        assertThat(r.missedScreens()).extracting(ShiftReport.MissedScreen::caller, ShiftReport.MissedScreen::item)
                .containsExactly(tuple(3, "Screen: the red flag"));
        assertThat(r.callBacks()).extracting(ShiftReport.CallBack::caller, ShiftReport.CallBack::safe)
                .containsExactly(tuple(3, true));
        assertThat(r.calls()).extracting(ShiftReport.CallLine::caller, ShiftReport.CallLine::waitedSeconds)
                .containsExactly(tuple(1, 10.0), tuple(2, 196.0),
                        tuple(3, 200.0));
        assertThat(r.passed()).isFalse();
        assertThat(r.failedBecause()).containsExactly(
                "Caller 5 (Call 5, a red flag): was still waiting when the queue closed, and was never routed");
    }

    @Test
    void aShiftPassesOnlyWhenEveryRedFlagIsRoutedInTimeAndNoCallFailsOnACriticalItem() {
        ShiftPlan four = new ShiftPlan("test", 1, "Test shift", 10, 300, PLAN.callers().subList(0, 4));
        ShiftCall a1 = call("a1", "repeat-prescription-request", "routine", 10, 50, "admin-team", RoutingGrade.CORRECT, 30,
                false, false);
        ShiftCall a3 = call("a3", "smear-test-booking", "due", 260, 30, "call-back", RoutingGrade.ACCEPTABLE, 25, false,
                false);
        ShiftCall safe = call("a2", "stroke-father-fast", "tia-then-recurs", 200, 90, "emergency-999",
                RoutingGrade.CORRECT, 40, false, false);
        assertThat(ShiftReport.of(four, ANSWERS, calls(a1, safe, a3), 600, "call-back").passed()).isTrue();

        // The same route, but 105 s into the call: 301 s from joining the queue (at 4), one over the limit.
        ShiftCall late = call("a2", "stroke-father-fast", "tia-then-recurs", 200, 120, "emergency-999",
                RoutingGrade.CORRECT, 105, false, false);
        ShiftReport lateReport = ShiftReport.of(four, ANSWERS, calls(a1, late, a3), 600, "call-back");
        assertThat(lateReport.passed()).isFalse();
        assertThat(lateReport.failedBecause()).containsExactly("Caller 2 (Dad's speech, a red flag): routed safely but 5:01 "
                + "after joining the queue, over the 5:00 limit");

        ShiftCall callBack = call("a2", "stroke-father-fast", "tia-then-recurs", 200, 20, "call-back",
                RoutingGrade.UNDER_TRIAGE, 15, false, false);
        ShiftReport backReport = ShiftReport.of(four, ANSWERS, calls(a1, callBack, a3), 600, "call-back");
        assertThat(backReport.callBacks()).extracting(ShiftReport.CallBack::caller, ShiftReport.CallBack::safe)
                .containsExactly(tuple(2, false), tuple(3, true));
        assertThat(backReport.failedBecause()).containsExactly(
                "Caller 2 (Dad's speech, a red flag): was offered a call-back: under-triage of a red flag");

        ShiftCall critical = call("a1", "repeat-prescription-request", "routine", 10, 50, "admin-team",
                RoutingGrade.CORRECT, 30, true, true);
        assertThat(ShiftReport.of(four, ANSWERS, calls(critical, safe, a3), 600, "call-back").failedBecause())
                .containsExactly("Caller 1 (Call 1): Critical deviation: Screen: the red flag");

        ShiftReport unfinished = ShiftReport.of(four, ANSWERS, calls(a1, a3), 600, "call-back");
        assertThat(unfinished.failedBecause()).contains("Caller 2 (Dad's speech, a red flag): the call was not finished");
    }

    @Test
    void endingEarlyLeavesLaterCallersUnrung() {
        ShiftReport early = ShiftReport.of(PLAN, ANSWERS.subList(0, 1), calls(call("a1", "repeat-prescription-request",
                "routine", 10, 50, "admin-team", RoutingGrade.CORRECT, 30, false, false)), 90, "call-back");
        assertThat(early.neverRang()).isEqualTo(2);
        assertThat(early.leftWaiting()).isEqualTo(2);
        assertThat(early.redFlagCalls()).extracting(ShiftReport.RedFlagCall::outcome).containsExactly(
                "was still waiting when the queue closed, and was never routed",
                "had not rung when the shift was ended early, so was never routed");
    }
}
