package uk.carenav.call;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import uk.carenav.BrowserTest;

/**
 * A whole call by keyboard alone: every control is reached with Tab and used with Enter or Space,
 * from signing in to the debrief. No mouse clicks.
 */
@Import(FixedVariant.class)
class KeyboardOnlyCallBrowserIT extends BrowserTest {

    @Test
    void aTraineeTakesAWholeCallByKeyboard() {
        page.navigate(url("login"));
        tabTo(page.getByLabel("Username"));
        page.keyboard().type("trainee6");
        page.keyboard().press("Tab");
        page.keyboard().type("carenav-demo");
        page.keyboard().press("Enter");
        assertThat(h1()).hasText("My training");

        tabTo(page.locator("vaadin-details-summary").filter(new Locator.FilterOptions().setHasText("Emergency red flags")));
        page.keyboard().press("Enter");
        tabTo(button("Practise: Chest pain after gardening"));
        page.keyboard().press("Enter");
        assertThat(h1()).hasText("Call: Chest pain after gardening");

        // Talk to the caller from the keyboard: focus stays in the input after each line.
        tabTo(page.getByLabel("Ask or say"));
        page.keyboard().type("does the pain spread to your arm, jaw or neck?");
        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.LOG)).containsText("going down my left arm");
        page.keyboard().type("are you short of breath or sweaty?");
        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.LOG)).containsText("I look grey");

        Locator routes = page.locator("vaadin-radio-group.route-picker");
        tabTo(routes);
        // Arrow keys move within the radio group; the first route is 999, which Space selects.
        page.keyboard().press("Space");
        assertThat(routes.locator("vaadin-radio-button[checked]")).containsText("Call 999 (ambulance) now");
        tabTo(button("Give this route"));
        page.keyboard().press("Enter");
        assertThat(page.getByText("Route given: Call 999 (ambulance) now")).isVisible();

        tabTo(page.getByLabel("Ask or say"));
        page.keyboard().type("stay on the line with me while I get help");
        page.keyboard().press("Enter");
        page.keyboard().type("I'll make a note of our conversation on your record");
        page.keyboard().press("Enter");
        assertThat(page.getByRole(AriaRole.LOG)).containsText("heard as: I'm making a note of our conversation");
        tabTo(page.getByLabel("Call note"));
        page.keyboard().type("Central chest pain spreading to left arm, sweaty, breathless. Told to call 999 now.");
        page.waitForTimeout(1200);

        tabTo(button("End call"));
        page.keyboard().press("Enter");
        Locator confirm = page.locator("vaadin-confirm-dialog-overlay").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("End call"));
        assertThat(confirm).isVisible();
        // With the dialog open the page behind is out of the tab order and the dialog passes axe (contrast included).
        Assertions.assertThat(accessibilityViolations()).as("axe with the end-call dialog open").isEmpty();
        // Escape goes back to the call, which is live again; then end it for real.
        page.keyboard().press("Escape");
        assertThat(confirm).isHidden();
        assertThat(page.locator("vaadin-app-layout")).not().hasAttribute("inert", "");
        tabTo(button("End call"));
        page.keyboard().press("Enter");
        tabTo(confirm);
        page.keyboard().press("Enter");

        assertThat(h1()).hasText("Call debrief");
        assertThat(page.locator(".debrief-result")).containsText("High Compliance");
    }
}
