package uk.carenav.call;

import java.security.SecureRandom;
import org.springframework.stereotype.Component;

/** Chooses the variant of a new call from a recorded random seed, so the choice can be explained later. */
@Component
class VariantPicker {

    private final SecureRandom random = new SecureRandom();

    long newSeed() {
        return random.nextLong();
    }

    static int index(long seed, int variants) {
        return (int) Math.floorMod(seed, (long) variants);
    }
}
