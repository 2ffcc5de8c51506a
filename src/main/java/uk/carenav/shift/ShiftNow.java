package uk.carenav.shift;

import java.util.List;

/**
 * A shift as the trainee sees it at a moment: the shift clock, who is waiting and for how long (nothing of what
 * they ring about), how many were answered and hung up, the call in progress if any. {@code pausedSeconds} is the
 * time the clock was held because the trainee was away, when this look at the shift found such a gap (else 0).
 */
public record ShiftNow(String shiftId, String title, double seconds, int closesAt, List<ShiftQueue.Entry> waiting,
        int answered, int abandoned, int ringingBack, String callInProgress, boolean ended, double pausedSeconds,
        double totalPausedSeconds) {

    /** True once the queue has closed: no more callers are answered. */
    public boolean timeUp() {
        return seconds >= closesAt;
    }

    /** Seconds until the queue closes (0 once it has). */
    public double remaining() {
        return Math.max(0, closesAt - seconds);
    }
}
