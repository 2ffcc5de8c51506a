package uk.carenav.shift;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import uk.carenav.call.AttemptSummary;
import uk.carenav.call.ShiftCall;
import uk.carenav.scoring.Finding;
import uk.carenav.scoring.RoutingGrade;
import uk.carenav.scoring.ScoreCard;
import uk.carenav.scoring.Segment;

/**
 * What a shift's queue did to the trainee's safety: calls answered and abandoned, handling time, for each caller
 * with a red flag the time from joining the queue to a safe route, red-flag screens missed, call-backs offered and
 * whether they were safe, and every call's result. Pure: worked out from the plan, the answers, the calls and when
 * the queue closed. The shift passes only if every caller with a red flag was routed safely within the shift's
 * limit (counted from when they first joined the queue) and no call failed on a critical item.
 */
public record ShiftReport(int callers, int answered, int abandoned, int rangBack, int hungUpForGood, int leftWaiting,
        int neverRang, Double meanHandlingSeconds, int redFlagRouteWithinSeconds, List<RedFlagCall> redFlagCalls,
        List<MissedScreen> missedScreens, List<CallBack> callBacks, List<CallLine> calls, List<String> failedBecause) {

    /** A safe route for the time-to-route measure: anything but under-triage, an ineligible route or none. */
    static final Set<RoutingGrade> SAFE = EnumSet.of(RoutingGrade.CORRECT, RoutingGrade.ACCEPTABLE, RoutingGrade.OVER_TRIAGE);

    public boolean passed() {
        return failedBecause.isEmpty();
    }

    /** A caller with a red flag, and how long it took from joining the queue to a safe route (null when never). */
    public record RedFlagCall(int caller, String title, String variantId, boolean worsened, int joinedAt,
            Double answeredAt, Double routedAt, Double secondsFromJoining, boolean inTime, String outcome) {
    }

    /** A red-flag screen a call did not ask before routing. */
    public record MissedScreen(int caller, String title, String item) {
    }

    /** A call-back offered: safe for a need that can wait, under-triage otherwise. */
    public record CallBack(int caller, String title, boolean safe, RoutingGrade grade) {
    }

    /** One answered call as the report lists it. {@code handlingSeconds} is null until the call has ended. */
    public record CallLine(int caller, String attemptId, String title, String variantId, boolean redFlag,
            boolean worsened, double waitedSeconds, double answeredAt, Long handlingSeconds, AttemptSummary attempt,
            RoutingGrade grade, String route) {
    }

    /** An answered caller, from the shift's events. */
    public record Answer(int caller, double at, String attemptId, String variantId, boolean worsened) {
    }

    /**
     * @param answers       the answers, in order
     * @param calls         the shift's calls, by attempt id
     * @param closedAt      the shift second the queue closed: the shift's length, or earlier when it was ended early
     * @param callBackRoute the route id of a call-back
     */
    public static ShiftReport of(ShiftPlan plan, List<Answer> answers, Map<String, ShiftCall> calls, double closedAt,
            String callBackRoute) {
        Map<Integer, Double> answeredAt = new HashMap<>();
        Map<Integer, Answer> byCaller = new HashMap<>();
        answers.forEach(a -> {
            answeredAt.put(a.caller(), a.at());
            byCaller.put(a.caller(), a);
        });
        List<ShiftQueue.Entry> atClose = ShiftQueue.at(plan, answeredAt, closedAt);
        int abandoned = 0;
        int rangBack = 0;
        int hungUpForGood = 0;
        int leftWaiting = 0;
        int neverRang = 0;
        for (ShiftQueue.Entry e : atClose) {
            abandoned += e.abandoned() ? 1 : 0;
            rangBack += e.rangBack() ? 1 : 0;
            hungUpForGood += e.status() == ShiftQueue.Status.HUNG_UP ? 1 : 0;
            leftWaiting += e.status() == ShiftQueue.Status.WAITING ? 1 : 0;
            neverRang += e.status() == ShiftQueue.Status.NOT_YET ? 1 : 0;
        }
        List<CallLine> lines = new ArrayList<>();
        List<MissedScreen> missed = new ArrayList<>();
        List<CallBack> callBacks = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        long handled = 0;
        int ended = 0;
        for (Answer a : answers) {
            ShiftPlan.Caller c = plan.caller(a.caller()).orElseThrow();
            ShiftCall call = calls.get(a.attemptId());
            AttemptSummary s = call == null ? null : call.attempt();
            ScoreCard card = call == null ? null : call.scoreCard();
            Long handling = s != null && s.completed() ? Duration.between(s.startedAt(), s.endedAt()).toSeconds() : null;
            if (handling != null) {
                handled += handling;
                ended++;
            }
            lines.add(new CallLine(c.number(), a.attemptId(), c.title(), a.variantId(), c.redFlag(), a.worsened(),
                    a.at() - c.joinsAt(), a.at(), handling, s, card == null ? null : card.routingGrade(),
                    card == null ? null : card.routeChosen()));
            String who = "Caller " + c.number() + " (" + c.title() + ")";
            if (card == null) {
                failed.add(who + ": the call was not finished");
                continue;
            }
            for (ScoreCard.SegmentScore seg : card.segments()) {
                if (seg.segment() == Segment.RED_FLAG_SCREENING) {
                    for (Finding f : seg.findings()) {
                        if (f.points() < f.possible()) {
                            missed.add(new MissedScreen(c.number(), c.title(), f.item()));
                        }
                    }
                }
            }
            if (callBackRoute.equals(card.routeChosen())) {
                callBacks.add(new CallBack(c.number(), c.title(), SAFE.contains(card.routingGrade()), card.routingGrade()));
            }
            if (Boolean.TRUE.equals(s.critical())) {
                failed.add(who + ": " + (card.failedBecause().isEmpty() ? "a critical finding"
                        : String.join("; ", card.failedBecause())));
            }
        }
        List<RedFlagCall> redFlags = new ArrayList<>();
        for (ShiftQueue.Entry e : atClose) {
            ShiftPlan.Caller c = e.caller();
            Answer a = byCaller.get(c.number());
            boolean redFlag = c.redFlag() || a != null && a.worsened();
            if (!redFlag) {
                continue;
            }
            RedFlagCall r = redFlagCall(plan, c, e, a, a == null ? null : calls.get(a.attemptId()), callBackRoute);
            redFlags.add(r);
            if (!r.inTime()) {
                failed.add(0, "Caller " + c.number() + " (" + c.title() + ", a red flag): " + r.outcome());
            }
        }
        return new ShiftReport(plan.callers().size(), answers.size(), abandoned, rangBack, hungUpForGood, leftWaiting,
                neverRang, ended == 0 ? null : (double) handled / ended, plan.redFlagRouteWithinSeconds(),
                List.copyOf(redFlags), List.copyOf(missed), List.copyOf(callBacks), List.copyOf(lines),
                List.copyOf(failed.stream().distinct().toList()));
    }

    private static RedFlagCall redFlagCall(ShiftPlan plan, ShiftPlan.Caller c, ShiftQueue.Entry atClose, Answer a,
            ShiftCall call, String callBackRoute) {
        int limit = plan.redFlagRouteWithinSeconds();
        if (a == null) {
            String why = switch (atClose.status()) {
                case NOT_YET -> "had not rung when the shift was ended early, so was never routed";
                case HUNG_UP, HUNG_UP_RINGING_BACK -> "hung up before being answered, and was never routed";
                default -> "was still waiting when the queue closed, and was never routed";
            };
            return new RedFlagCall(c.number(), c.title(), c.variantId(), false, c.joinsAt(), null, null, null, false, why);
        }
        ScoreCard card = call == null ? null : call.scoreCard();
        if (card == null) {
            return new RedFlagCall(c.number(), c.title(), a.variantId(), a.worsened(), c.joinsAt(), a.at(), null, null,
                    false, "the call was not finished");
        }
        if (callBackRoute.equals(card.routeChosen())) {
            return new RedFlagCall(c.number(), c.title(), a.variantId(), a.worsened(), c.joinsAt(), a.at(), null, null,
                    false, "was offered a call-back: under-triage of a red flag");
        }
        if (card.routeChosen() == null || !SAFE.contains(card.routingGrade())) {
            return new RedFlagCall(c.number(), c.title(), a.variantId(), a.worsened(), c.joinsAt(), a.at(), null, null,
                    false, card.routeChosen() == null ? "was never given a route" : "was given an unsafe route ("
                            + card.routingGrade().label().toLowerCase(Locale.UK) + ")");
        }
        double routedAt = a.at() + (card.secondsToRoute() == null ? 0 : card.secondsToRoute());
        double fromJoining = routedAt - c.joinsAt();
        boolean inTime = fromJoining <= limit;
        return new RedFlagCall(c.number(), c.title(), a.variantId(), a.worsened(), c.joinsAt(), a.at(), routedAt,
                fromJoining, inTime, inTime ? "routed safely " + clock(fromJoining) + " after joining the queue"
                        : "routed safely but " + clock(fromJoining) + " after joining the queue, over the "
                                + clock(limit) + " limit");
    }

    /** "4:05". */
    public static String clock(double seconds) {
        long s = Math.max(0, Math.round(Math.floor(seconds)));
        return s / 60 + ":" + String.format("%02d", s % 60);
    }
}
