package uk.carenav.shift;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The queue at a moment of the shift, worked out from the plan and when each caller was answered: who is waiting
 * and for how long, who hung up and who rang back. Pure: the same plan, answers and time always give the same queue.
 * A caller who is not answered before their patience runs out hangs up (an abandoned call); if the plan says so
 * they ring again later and then wait until answered.
 */
public final class ShiftQueue {

    public enum Status {
        /** Has not rung yet. */
        NOT_YET,
        WAITING,
        /** Hung up and will ring again. */
        HUNG_UP_RINGING_BACK,
        /** Hung up and will not ring again. */
        HUNG_UP,
        ANSWERED
    }

    /** One caller at a moment: {@code since} is when they joined the queue this time; {@code rangBack} when they rang again. */
    public record Entry(ShiftPlan.Caller caller, Status status, int since, boolean rangBack, boolean abandoned) {

        /** Seconds waited this time, at {@code t}. */
        public int waitedAt(double t) {
            return (int) Math.max(0, Math.floor(t - since));
        }
    }

    private ShiftQueue() {
    }

    /**
     * Every caller at shift second {@code t}. {@code answeredAt} holds the shift second each answered caller was
     * answered, by caller number.
     */
    public static List<Entry> at(ShiftPlan plan, Map<Integer, Double> answeredAt, double t) {
        List<Entry> out = new ArrayList<>(plan.callers().size());
        for (ShiftPlan.Caller c : plan.callers()) {
            out.add(entry(c, answeredAt.get(c.number()), t));
        }
        return out;
    }

    static Entry entry(ShiftPlan.Caller c, Double answered, double t) {
        Double a = answered != null && answered <= t ? answered : null;
        if (t < c.joinsAt()) {
            return new Entry(c, Status.NOT_YET, c.joinsAt(), false, false);
        }
        if (a != null && a < c.hangsUpAt()) {
            return new Entry(c, Status.ANSWERED, c.joinsAt(), false, false);
        }
        if (t < c.hangsUpAt()) {
            return new Entry(c, Status.WAITING, c.joinsAt(), false, false);
        }
        Integer back = c.ringsBackAt();
        if (back == null) {
            return new Entry(c, Status.HUNG_UP, c.joinsAt(), false, true);
        }
        if (t < back) {
            return new Entry(c, Status.HUNG_UP_RINGING_BACK, c.joinsAt(), false, true);
        }
        return new Entry(c, a != null ? Status.ANSWERED : Status.WAITING, back, true, true);
    }

    /** The callers waiting at {@code t}, in the order the phone system answers them (longest in the queue first). */
    public static List<Entry> waiting(ShiftPlan plan, Map<Integer, Double> answeredAt, double t) {
        return at(plan, answeredAt, t).stream().filter(e -> e.status() == Status.WAITING)
                .sorted(Comparator.comparingInt(Entry::since).thenComparingInt(e -> e.caller().number())).toList();
    }

    /** The caller the next answer reaches, if anyone is waiting. */
    public static Optional<Entry> next(ShiftPlan plan, Map<Integer, Double> answeredAt, double t) {
        return waiting(plan, answeredAt, t).stream().findFirst();
    }
}
