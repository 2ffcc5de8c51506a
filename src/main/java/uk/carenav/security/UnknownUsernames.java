package uk.carenav.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Counts failed sign-ins for usernames that match no account and says when to write them to the audit log:
 * the first one at once, then at most one summary a minute (how many since the last entry, and the latest
 * name tried). Thread-safe. A count not yet written when the server stops is lost; the next entry after a
 * restart starts a new count.
 */
final class UnknownUsernames {

    static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int SAMPLE = 64;

    private Instant lastWritten;
    private long count;

    /** Counts one failure; the text of an audit entry when one is due. */
    synchronized Optional<String> failed(String username, Instant now) {
        count++;
        if (lastWritten != null && now.isBefore(lastWritten.plus(WINDOW))) {
            return Optional.empty();
        }
        String sample = username.length() > SAMPLE ? username.substring(0, SAMPLE) + "\u2026" : username;
        String text = count + (count == 1 ? " failed sign-in" : " failed sign-ins") + " with a username that matches no account"
                + (lastWritten == null ? "" : " since the last such entry") + "; latest tried: '" + sample + "'";
        lastWritten = now;
        count = 0;
        return Optional.of(text);
    }
}
