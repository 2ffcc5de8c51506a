package uk.carenav.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.treegrid.TreeGrid;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.carenav.UiTest;
import uk.carenav.call.ui.TrainingView;
import uk.carenav.competency.Records;
import uk.carenav.competency.ui.TraineesView;
import uk.carenav.coverage.ui.CoverageView;
import uk.carenav.organisation.ui.AdminView;
import uk.carenav.security.ui.LoginView;

class RoleHomeUiTest extends UiTest {

    @Test
    void aSupervisorOfTwoPracticesIsShownWithBoth() {
        signIn("supervisor1");
        UI.getCurrent().navigate("trainees");
        assertThat(_get(Span.class, spec -> spec.withClasses("user-detail")).getText())
                .isEqualTo("Supervisor - Riverside Surgery, Quayside Medical Centre");
    }

    @Test
    void anonymousVisitorIsSentToSignIn() {
        UI.getCurrent().navigate("training");
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(LoginView.class);
        assertThat(_find(TrainingView.class)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "trainee1, training, My training",
            "supervisor1, trainees, My trainees",
            "lead1, coverage, Training coverage",
            "reviewer1, review, Scenario review",
            "admin, admin, Administration"})
    void eachRoleLandsOnItsHome(String username, String home, String heading) {
        signIn(username);
        UI.getCurrent().navigate("");
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo(home);
        assertThat(_get(H1.class).getText()).isEqualTo(heading);
        // The navigation offers only the user's own pages.
        List<String> nav = _find(SideNavItem.class).stream().map(SideNavItem::getLabel).toList();
        assertThat(nav).containsExactlyElementsOf(switch (username) {
            case "admin" -> List.of("Administration", "Service directory", "Scenario library", "Competency framework",
                    "Re-score calls", "Audit log", "Scenario review");
            case "trainee1" -> List.of("My training", "Call history", "My sign-off", "Shift");
            default -> List.of(heading);
        });
    }

    @ParameterizedTest
    @CsvSource({
            "trainee1, admin", "trainee1, trainees", "trainee1, coverage",
            "supervisor1, training", "supervisor1, admin", "supervisor1, coverage",
            "lead1, trainees", "lead1, admin", "lead1, training",
            "admin, training", "admin, trainees", "admin, coverage"})
    void anotherRolesPageIsRefusedWithoutItsContent(String username, String page) {
        signIn(username);
        UI.getCurrent().navigate(page);
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(AccessDeniedView.class);
        assertThat(_get(H1.class).getText()).isEqualTo("Access denied");
        assertThat(_find(TrainingView.class)).isEmpty();
        assertThat(_find(TraineesView.class)).isEmpty();
        assertThat(_find(CoverageView.class)).isEmpty();
        assertThat(_find(AdminView.class)).isEmpty();
        assertThat(_find(Grid.class)).isEmpty();
    }

    /** Every route, for every role: allowed exactly where the route matrix says. */
    @ParameterizedTest
    @CsvSource({
            "training, TRAINEE", "history, TRAINEE", "my-sign-off, TRAINEE", "trainees, SUPERVISOR", "coverage, SERVICE_LEAD",
            "admin, ADMIN", "admin/scenarios, ADMIN", "admin/rescore, ADMIN", "admin/audit, ADMIN", "admin/framework, ADMIN", "admin/directory, ADMIN"})
    void everyRouteIsOpenOnlyToItsRole(String route, String role) {
        Map<String, String> users = Map.of("TRAINEE", "trainee2", "SUPERVISOR", "supervisor2",
                "SERVICE_LEAD", "lead1", "ADMIN", "admin");
        UI.getCurrent().navigate(route);
        assertThat(UI.getCurrent().getCurrentView()).as("anonymous on " + route).isInstanceOf(LoginView.class);
        for (var e : users.entrySet()) {
            signIn(e.getValue());
            UI.getCurrent().navigate(route);
            boolean denied = UI.getCurrent().getCurrentView() instanceof AccessDeniedView;
            assertThat(denied).as(e.getKey() + " on " + route).isEqualTo(!e.getKey().equals(role));
        }
    }

    @Test
    void traineeSeesTheirPracticeAndSupervisor() {
        signIn("trainee3");
        UI.getCurrent().navigate("training");
        String text = _get(TrainingView.class).getElement().getTextRecursively();
        assertThat(text).contains("Tom Bennett", "Quayside Medical Centre", "Riverside PCN", "Helen Price");
    }

    @Test
    @SuppressWarnings("unchecked")
    void supervisorSeesOnlyTraineesOfTheirOwnPractices() {
        signIn("supervisor2");
        UI.getCurrent().navigate("trainees");
        Grid<Records.TraineeOverview> grid = _get(Grid.class);
        List<String> usernames = GridKt._fetch(grid, 0, 1000).stream().map(s -> s.trainee().username()).toList();
        assertThat(usernames).containsExactlyInAnyOrder("trainee4", "trainee5", "trainee6");
    }

    @Test
    void serviceLeadSeesTheirAreaByPcnAndPractice() {
        signIn("lead1");
        UI.getCurrent().navigate("coverage");
        assertThat(_get(H1.class).getText()).isEqualTo("Training coverage");
        // Two PCNs, each opened to show its practices.
        assertThat(GridKt._size(_get(TreeGrid.class))).isEqualTo(6);
    }

    @Test
    void anAddressOutsideTheUsersScopeShowsAPageNotFoundInTheFrameWithAWayHome() {
        signIn("supervisor1");
        UI.getCurrent().navigate("trainees/999999");
        assertThat(_get(H1.class).getText()).isEqualTo("Page not found");
        assertThat(_get(Paragraph.class).getText()).startsWith("No such trainee among yours");
        assertThat(_find(SideNavItem.class)).isNotEmpty();
    }

    @Test
    void everyPageStartsWithASkipLinkToItsContent() {
        signIn("trainee1");
        UI.getCurrent().navigate("training");
        Anchor skip = _get(Anchor.class,
                spec -> spec.withText("Skip to main content"));
        assertThat(skip.getHref()).isEqualTo("#main-content");
        assertThat(_get(TrainingView.class).getElement().getAttribute("id")).isEqualTo("main-content");
    }
}
