package uk.carenav.shift;

import java.security.SecureRandom;
import org.springframework.stereotype.Component;

/** The random seed a new shift's plan is drawn from; recorded with the shift so the draw can be explained and repeated. */
@Component
class ShiftSeeds {

    private final SecureRandom random = new SecureRandom();

    long newSeed() {
        return random.nextLong();
    }
}
