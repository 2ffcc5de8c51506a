package uk.carenav.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    @Test
    void acceptsALongUncommonPassphrase() {
        assertThat(PasswordPolicy.problem("kettle-orchard-violet", "trainee9")).isEmpty();
    }

    @Test
    void refusesShortEmptyAndOverlongPasswords() {
        assertThat(PasswordPolicy.problem("", "x")).contains("Enter a password.");
        assertThat(PasswordPolicy.problem(null, "x")).contains("Enter a password.");
        assertThat(PasswordPolicy.problem("short-pw-11", "x")).contains("Use at least 12 characters.");
        assertThat(PasswordPolicy.problem("a1b2c3d4".repeat(17), "x")).contains("Use at most 128 characters.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"password1234", "Password1234", "QWERTY123456", "receptionist", "welcome12345"})
    void refusesCommonPasswordsWhateverTheirCase(String common) {
        assertThat(PasswordPolicy.problem(common, "someone")).get().asString().contains("commonly used");
    }

    @Test
    void refusesAPasswordContainingTheUsername() {
        assertThat(PasswordPolicy.problem("my-name-is-hpriceXX", "hprice")).get().asString().contains("username");
    }

    @Test
    void refusesRepeatedCharacters() {
        assertThat(PasswordPolicy.problem("aaaaaaaabbbbbbbb", "someone")).get().asString().contains("too few");
    }
}
