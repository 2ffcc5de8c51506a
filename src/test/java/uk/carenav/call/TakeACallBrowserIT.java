package uk.carenav.call;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import uk.carenav.BrowserTest;

/** A demo trainee takes the chest pain call in a real browser: wrong first, then right. */
@Import(FixedVariant.class)
class TakeACallBrowserIT extends BrowserTest {

    @Test
    void routineGpForCrushingChestPainFailsThen999WithSafetyNettingPasses() {
        signIn("trainee1", "carenav-demo");
        assertThat(heading1()).hasText("My training");

        page.getByText(Pattern.compile("^Emergency red flags \\(\\d+\\)$")).click();
        button("Practise: Chest pain after gardening").click();
        assertThat(heading1()).hasText("Call: Chest pain after gardening");
        assertThat(page.getByRole(AriaRole.LOG)).containsText("pain in my chest");
        assertThat(page.getByRole(AriaRole.TIMER)).not().hasText("0:00", new com.microsoft.playwright.assertions
                .LocatorAssertions.HasTextOptions().setTimeout(3000));

        say("where's the pain?");
        assertThat(page.getByRole(AriaRole.LOG)).containsText("like something sitting on it");
        assertThat(page.getByRole(AriaRole.LOG)).containsText("where's the pain? \u2014 heard as: Where exactly is the pain");
        Assertions.assertThat((Boolean) page.evaluate(
                "document.activeElement && document.activeElement.closest('vaadin-text-field.utterance') !== null"))
                .as("focus stays in the input after sending").isTrue();
        page.getByText("Routine GP appointment \u2014 Within 2 weeks").click();
        button("Give this route").click();
        assertThat(page.getByText("Route given: Routine GP appointment")).isVisible();
        screenshot("call-in-progress");
        Assertions.assertThat(accessibilityViolations()).as("axe on the call page").isEmpty();
        for (int width : new int[] {800, 320}) {
            page.setViewportSize(width, 1000);
            Assertions.assertThat((Boolean) page.evaluate(
                    "document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                    .as("the call page reflows at " + width + " px").isTrue();
            screenshot("call-in-progress-" + width);
        }
        page.setViewportSize(1280, 1000);
        endCall();

        assertThat(heading1()).hasText("Call debrief");
        assertThat(page.locator(".debrief-result")).containsText("Non-compliant");
        assertThat(page.locator(".debrief-result")).containsText("Not passed");
        Locator routeFinding = page.locator(".finding-deviation").filter(new Locator.FilterOptions().setHasText("Routine GP appointment (under-triage)"));
        assertThat(routeFinding).containsText("Critical");
        assertThat(routeFinding).containsText("Call 999 (ambulance) now");
        Locator failedBecause = page.locator(".critical-warning li");
        assertThat(failedBecause).containsText(new String[] {"Critical deviation: Screen: Chest pain that could be a heart attack",
                "Critical deviation: Screen: Chest pain with breathlessness, sweating or feeling sick",
                "Critical deviation: Routed in time",
                "Under-triage of an emergency call (Routine GP appointment instead of Call 999 (ambulance) now)"});
        screenshot("debrief-non-compliant");
        for (int width : new int[] {800, 320}) {
            page.setViewportSize(width, 1000);
            Assertions.assertThat((Boolean) page.evaluate(
                    "document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                    .as("the debrief reflows at " + width + " px").isTrue();
            Assertions.assertThat((Boolean) page.evaluate(
                    "[...document.querySelectorAll('.debrief-result > *')]"
                            + ".every(e => e.getBoundingClientRect().right <= document.documentElement.clientWidth)"))
                    .as("the band, percentage and verdict are all in view at " + width + " px").isTrue();
            screenshot("debrief-non-compliant-" + width);
        }
        page.setViewportSize(1280, 1000);
        Assertions.assertThat(accessibilityViolations()).as("axe on the debrief").isEmpty();

        button("Try this call again").click();
        assertThat(heading1()).hasText("Call: Chest pain after gardening");
        say("where is the pain exactly?");
        say("is the pain going down your arm or into your jaw?");
        say("any sweating or shortness of breath?");
        assertThat(page.getByRole(AriaRole.LOG)).containsText("I look grey");
        page.getByText("Call 999 (ambulance) now \u2014 Now - call 999 for an ambulance; do not drive").click();
        button("Give this route").click();
        say("stay on the line with me, I'm getting help to you now");
        say("I'm putting a note of this call on your record");
        assertThat(page.getByRole(AriaRole.LOG)).containsText("heard as: Stay on the line with me");
        page.getByLabel("Call note").fill("Central heavy chest pain spreading to left arm and jaw, sweaty and breathless. "
                + "Told to call 999 now; stayed on the line while his wife called the ambulance.");
        page.getByText("5 (certain)").click();
        page.waitForTimeout(1500); // the note saves after a pause in typing
        endCall();

        assertThat(heading1()).hasText("Call debrief");
        assertThat(page.locator(".debrief-result")).containsText("High Compliance");
        assertThat(page.locator(".debrief-result")).containsText("Pass");
        assertThat(page.locator(".finding-deviation")).hasCount(0);
        screenshot("debrief-pass");

        page.navigate(url("history"));
        assertThat(heading1()).hasText("Call history");
        assertThat(page.locator("vaadin-grid")).containsText("High Compliance");
        assertThat(page.locator("vaadin-grid")).containsText("Non-compliant");
        // Dates are British: 30/11/2026 is 30 November, and the filter keeps today's calls.
        Locator from = page.getByLabel("From");
        from.fill("30/11/2026");
        from.press("Enter");
        Assertions.assertThat(from.inputValue()).isEqualTo("30/11/2026");
        assertThat(page.locator("vaadin-date-picker[invalid]")).hasCount(0);
        assertThat(page.locator("vaadin-grid")).containsText("High Compliance");
    }

    /** Types a line into "Ask or say" and sends it with Enter, as a trainee does. */
    private void say(String words) {
        Locator input = page.getByLabel("Ask or say");
        input.fill(words);
        input.press("Enter");
        assertThat(page.getByRole(AriaRole.LOG)).containsText("You: " + words);
    }

    private Locator heading1() {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
    }

    private void endCall() {
        button("End call").first().click();
        page.locator("vaadin-confirm-dialog-overlay").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("End call")).click();
    }
}
