package uk.carenav.base;

/**
 * How the frame around every page names whoever is signed in. The shell asks this question; the
 * organisation module, which knows staff, answers it, so the shell depends on no feature.
 */
public interface SignedInUser {

    /**
     * @param name the display name, e.g. "Sam Patel"
     * @param detail the roles and practice, e.g. "Trainee - Riverside Surgery"
     */
    record Badge(String name, String detail) {
    }

    /** The signed-in person's badge, read fresh so a renamed account shows its new name on the next page. */
    Badge badge();
}
