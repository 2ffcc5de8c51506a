package uk.carenav.shift;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import uk.carenav.BrowserTest;

/**
 * A whole shift in Chromium by keyboard alone: start it from the Shift page, answer the queue in turn (a call-back
 * for the routine caller, 999 for the daughter whose father's speech went funny), end it and read the report; then
 * the trainee's supervisor finds it on the trainee's record. Seed 1 of the short shift: caller 1 wants a smear test,
 * caller 2 is the hidden stroke, callers 3 and 4 ring later.
 */
@Import(ShiftBrowserIT.SeedOne.class)
class ShiftBrowserIT extends BrowserTest {

    @TestConfiguration
    static class SeedOne {
        @Bean
        @Primary
        ShiftSeeds seedOne() {
            return new ShiftSeeds() {
                @Override
                long newSeed() {
                    return 1;
                }
            };
        }
    }

    @Test
    void aTraineeRunsAShiftByKeyboardAndTheirSupervisorSeesIt() {
        page.navigate(url("login"));
        tabTo(page.getByLabel("Username"));
        page.keyboard().type("trainee2");
        page.keyboard().press("Tab");
        page.keyboard().type("carenav-demo");
        page.keyboard().press("Enter");
        assertThat(h1()).hasText("My training");

        tabTo(button("Go to Shift"));
        page.keyboard().press("Enter");
        assertThat(h1()).hasText("Shift");
        Assertions.assertThat(accessibilityViolations()).as("axe on the choice of shifts").isEmpty();
        tabTo(button("Start: The first few minutes"));
        page.keyboard().press("Enter");
        Locator queue = page.locator(".queue-panel");
        assertThat(queue).containsText("Time left in the shift");
        assertThat(page.locator(".queue-caller").first()).containsText("Caller 1, waiting");
        Assertions.assertThat(accessibilityViolations()).as("axe on the queue").isEmpty();

        // Caller 1: a routine booking; offered a call-back.
        tabTo(button("Answer the next caller"));
        page.keyboard().press("Enter");
        assertThat(h1()).containsText("Call: ");
        assertThat(page.getByRole(AriaRole.LOG)).containsText("smear test");
        assertThat(page.locator(".queue-beside-call")).containsText("Caller 2, waiting");
        Assertions.assertThat(accessibilityViolations()).as("axe on a shift call with the queue").isEmpty();
        tabTo(page.getByLabel("Ask or say"));
        page.keyboard().type("Can I take your name and date of birth please?");
        page.keyboard().press("Enter");
        tabTo(button("Offer a call-back and end the call"));
        page.keyboard().press("Enter");
        Locator offer = page.locator("vaadin-confirm-dialog-overlay").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Offer the call-back"));
        tabTo(offer);
        page.keyboard().press("Enter");
        assertThat(h1()).hasText("Shift");

        // Caller 2: asks for a routine appointment for her father, whose speech went funny last night.
        tabTo(button("Answer the next caller"));
        page.keyboard().press("Enter");
        assertThat(h1()).hasText("Call: Dad's speech has gone funny");
        assertThat(page.getByRole(AriaRole.LOG)).containsText("His words came out all jumbled last night");
        tabTo(page.getByLabel("Ask or say"));
        page.keyboard().type("When did this start, and is it still happening now?");
        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.LOG)).containsText("Last night, about eight");
        page.keyboard().type("Has his face dropped on one side, can he lift both arms, is his speech slurred?");
        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.LOG)).containsText("this morning his face looks normal");
        Locator routes = page.locator("vaadin-radio-group.route-picker");
        tabTo(routes);
        page.keyboard().press("Space");
        assertThat(routes.locator("vaadin-radio-button[checked]")).containsText("Call 999 (ambulance) now");
        tabTo(button("Give this route"));
        page.keyboard().press("Enter");
        assertThat(page.getByText("Route given: Call 999 (ambulance) now")).isVisible();
        tabTo(button("End call"));
        page.keyboard().press("Enter");
        Locator confirm = page.locator("vaadin-confirm-dialog-overlay").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("End call"));
        tabTo(confirm);
        page.keyboard().press("Enter");
        assertThat(h1()).hasText("Shift");
        assertThat(page.locator(".queue-counts")).containsText("Answered: 2.");

        // End the shift early: callers 3 and 4 have not rung yet.
        tabTo(button("End shift"));
        page.keyboard().press("Enter");
        Locator endShift = page.locator("vaadin-confirm-dialog-overlay").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("End shift"));
        tabTo(endShift);
        page.keyboard().press("Enter");
        assertThat(h1()).hasText("Shift report");
        assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions()
                .setName("Callers with a red flag: from joining the queue to a safe route"))).containsText("In time");
        assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions()
                .setName("The shift in figures"))).containsText("Had not rung yet (shift ended early)");
        assertThat(page.locator("body")).containsText("Call-backs offered");
        Assertions.assertThat(accessibilityViolations()).as("axe on the shift report").isEmpty();
        screenshot("shift-report");
        String reportUrl = page.url();

        // The supervisor of trainee2's practice opens the shift from the trainee's record.
        page.context().clearCookies();
        signIn("supervisor1", "carenav-demo");
        page.navigate(url("trainees"));
        button("Open the record of Priya Shah").click();
        assertThat(page.locator(".trainee-shifts")).containsText("The first few minutes");
        page.locator(".trainee-shifts a").first().click();
        assertThat(h1()).hasText("Shift report");
        Assertions.assertThat(page.url()).isEqualTo(reportUrl);
        assertThat(page.locator("body")).containsText("taken by Priya Shah");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                .setName("Open the debrief of caller 2: Dad's speech has gone funny")).click();
        assertThat(h1()).containsText("Call review");

        // Another trainee who has the report's address is told there is no such page.
        page.context().clearCookies();
        signIn("trainee1", "carenav-demo");
        assertThat(h1()).hasText("My training");
        page.navigate(reportUrl);
        assertThat(h1()).hasText("Page not found");
    }
}
