package uk.carenav.shift;

import java.time.Instant;

/** A shift as lists show it: {@code passed} is null until it has ended. */
public record ShiftSummary(String id, long traineeId, String definitionId, int definitionVersion, String title,
        Instant startedAt, Instant endedAt, Boolean passed) {

    public boolean ended() {
        return endedAt != null;
    }
}
