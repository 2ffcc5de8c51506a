package uk.carenav.review.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import uk.carenav.base.UkTime;
import uk.carenav.review.ReviewStatus;
import uk.carenav.review.ScenarioReviews;
import uk.carenav.review.ScenarioReviews.VersionReview;
import uk.carenav.scenario.Categories;

/**
 * The clinical reviewer's home: every scenario version of the library with where it stands in review (awaiting,
 * changes requested, approved, overdue), those needing attention first; each opens its preview.
 */
@Route("review")
@PageTitle("Scenario review | CareNav Trainer")
@Menu(title = "Scenario review", order = 8, icon = "vaadin:doctor")
@RolesAllowed({"CLINICAL_REVIEWER", "ADMIN"})
public class ReviewView extends Main {

    private final Grid<VersionReview> grid = new Grid<>(VersionReview.class, false);
    private final Select<ReviewStatus> show = new Select<>();
    private final List<VersionReview> all;

    ReviewView(ScenarioReviews reviews) {
        addClassName("page");
        add(new H1("Scenario review"));
        all = reviews.library();
        Map<ReviewStatus, Integer> counts = new EnumMap<>(ReviewStatus.class);
        all.forEach(v -> counts.merge(v.status(), 1, Integer::sum));
        add(new Paragraph(all.size() + " scenario versions in the library: "
                + counts.getOrDefault(ReviewStatus.AWAITING, 0) + " awaiting review, "
                + counts.getOrDefault(ReviewStatus.CHANGES_REQUESTED, 0) + " with changes requested, "
                + counts.getOrDefault(ReviewStatus.APPROVED, 0) + " approved, "
                + counts.getOrDefault(ReviewStatus.OVERDUE, 0) + " overdue for review."));
        add(new Paragraph(reviews.assessmentRequiresApproval()
                ? "Only approved versions can be taken as assessments; the others are practice only."
                : "Assessments do not require approval on this installation (carenav.scenarios.assessment-requires-approval=false)."));
        if (all.stream().anyMatch(v -> v.latest().map(ScenarioReviews.Decision::demo).orElse(false))) {
            Paragraph demo = new Paragraph("Demo data: approvals marked \"demo\" stand in for a clinical review so the "
                    + "demo can be tried. They are not clinical approvals.");
            demo.addClassName("demo-warning");
            add(demo);
        }

        show.setLabel("Show");
        show.setItems(ReviewStatus.values());
        show.setItemLabelGenerator(s -> s == null ? "All" : s.label());
        show.setEmptySelectionAllowed(true);
        show.setEmptySelectionCaption("All");
        show.addValueChangeListener(e -> refresh());

        grid.addComponentColumn(v -> new Anchor("review/" + v.scenario().id(), v.scenario().title()))
                .setHeader("Scenario").setFlexGrow(3).setWidth("12em");
        grid.addColumn(v -> Categories.label(v.scenario().category())).setHeader("Category").setFlexGrow(2)
                .setWidth("9em");
        grid.addColumn(v -> v.scenario().version()).setHeader("Version").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(v -> {
            Span s = new Span(v.status().label());
            s.addClassName("review-status-" + v.status().name());
            return s;
        }).setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(v -> v.latest().map(ReviewView::describe).orElse("None yet")).setHeader("Latest decision")
                .setFlexGrow(3).setWidth("12em");
        grid.addColumn(v -> v.scenario().reviewDue() == null ? "" : UkTime.DATE.format(v.scenario().reviewDue()))
                .setHeader("Review due").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        add(show, grid);
        refresh();
    }

    private void refresh() {
        ReviewStatus s = show.getValue();
        grid.setItems(s == null ? all : all.stream().filter(v -> v.status() == s).toList());
    }

    static String describe(ScenarioReviews.Decision d) {
        return d.decision().label() + " by " + d.reviewer() + " on " + UkTime.date(d.at()) + (d.demo() ? " (demo)" : "");
    }
}
