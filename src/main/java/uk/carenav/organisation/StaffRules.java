package uk.carenav.organisation;

import java.util.regex.Pattern;

/** The shape of a staff account's fields, one rule each for the staff form and the roster import. */
final class StaffRules {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,49}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern STAFF_REF = Pattern.compile("[A-Za-z0-9][A-Za-z0-9/_.-]{0,49}");
    private static final int MAX_EMAIL = 254;

    private StaffRules() {
    }

    /** 3 to 50 of lower-case letters, digits, dot, underscore and hyphen, starting with a letter or digit. */
    static boolean validUsername(String username) {
        return USERNAME.matcher(username).matches();
    }

    /** Empty (none given), or one @ with a dotted domain, at most 254 characters. */
    static boolean validEmail(String email) {
        return email.isEmpty() || (email.length() <= MAX_EMAIL && EMAIL.matcher(email).matches());
    }

    /** Empty (none given), or the practice's own staff reference: letters, digits and / _ . - up to 50. */
    static boolean validStaffRef(String ref) {
        return ref.isEmpty() || STAFF_REF.matcher(ref).matches();
    }
}
