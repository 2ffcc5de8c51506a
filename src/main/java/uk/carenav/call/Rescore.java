package uk.carenav.call;

import java.time.Instant;

/** A later re-marking of an attempt; the attempt's original result is never changed. */
public record Rescore(Instant at, String by, String reason, int scenarioVersion, double percentage, String band) {
}
