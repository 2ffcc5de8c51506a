package uk.carenav.coverage.ui;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.StreamResource;
import java.io.ByteArrayInputStream;
import uk.carenav.competency.AreaTrainingStatus;
import uk.carenav.coverage.CoverageCsv;
import uk.carenav.competency.AreaTrainingStatus.PracticeStatus;
import uk.carenav.competency.TraineeStatus;

/** The service lead's home: every practice in their area, how many navigators it trains and how far they have got. */
@Route("coverage")
@PageTitle("Training coverage | CareNav Trainer")
@Menu(title = "Training coverage", order = 3, icon = "vaadin:chart-grid")
@RolesAllowed("SERVICE_LEAD")
public class CoverageView extends Main {

    CoverageView(AreaTrainingStatus status) {
        addClassNames("page", "wide-page");
        AreaTrainingStatus.Area area = status.myArea();
        add(new H1("Training coverage"));
        long pcns = area.practices().stream().map(PracticeStatus::pcn).distinct().count();
        int signedOff = area.count(TraineeStatus.SIGNED_OFF);
        add(new Paragraph(area.name() + ": " + pcns + " PCNs, " + area.practices().size() + " practices, " + area.trainees()
                + " trainee care navigators; " + signedOff + " signed off and in date"
                + (area.trainees() == 0 ? "." : " (" + Math.round(signedOff * 100f / area.trainees()) + "%).")
                + " RAG: green when 80% or more of a practice's trainees are signed off, amber from 50%, red below."));

        Grid<PracticeStatus> grid = new Grid<>(PracticeStatus.class, false);
        grid.setAriaLabel("Practices in your area with training status");
        grid.addClassName("coverage-grid");
        grid.addColumn(PracticeStatus::pcn).setHeader("PCN").setSortable(true).setAutoWidth(true);
        grid.addColumn(PracticeStatus::practice).setHeader("Practice").setSortable(true).setAutoWidth(true);
        grid.addColumn(PracticeStatus::trainees).setHeader("Total").setTextAlign(ColumnTextAlign.END)
                .setWidth("4.75rem").setFlexGrow(0);
        grid.addComponentColumn(p -> {
            // The rating with the share signed off behind it, e.g. "Amber 50%".
            Span rag = new Span(p.rag() + (p.signedOffPercent() == null ? "" : " " + p.signedOffPercent() + "%"));
            rag.getElement().getThemeList().add("badge " + switch (p.rag()) {
                case "Green" -> "success";
                case "Amber" -> "contrast";
                case "Red" -> "error";
                default -> "";
            });
            return rag;
        }).setHeader("RAG, signed off").setComparator(p -> p.signedOffPercent() == null ? -1 : p.signedOffPercent())
                .setSortable(true).setWidth("7rem").setFlexGrow(0);
        for (TraineeStatus s : List.of(TraineeStatus.NOT_STARTED, TraineeStatus.IN_TRAINING, TraineeStatus.READY,
                TraineeStatus.SIGNED_OFF)) {
            grid.addColumn(p -> p.count(s)).setHeader(shortLabel(s)).setTextAlign(ColumnTextAlign.END)
                    .setWidth(s == TraineeStatus.IN_TRAINING ? "5.75rem" : "4.75rem").setFlexGrow(0);
        }
        // Refresher due and revoked both need the supervisor to act ("Needs action"); the CSV export keeps them apart.
        grid.addColumn(p -> p.count(TraineeStatus.REFRESHER_DUE) + p.count(TraineeStatus.REVOKED))
                .setHeader("Needs action").setTextAlign(ColumnTextAlign.END).setWidth("4.75rem").setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.setItems(area.practices());
        StreamResource csv = new StreamResource("training-coverage.csv", () -> new ByteArrayInputStream(CoverageCsv.of(area)));
        csv.setContentType("text/csv");
        Anchor export = new Anchor(csv, "Export this table as CSV");
        export.getElement().setAttribute("download", true);
        add(export, grid);
    }

    /** Column headers short enough for the whole table to fit a laptop screen; the CSV keeps the full names. */
    private static String shortLabel(TraineeStatus s) {
        return switch (s) {
            case NOT_STARTED -> "Not started";
            case IN_TRAINING -> "In progress";
            case READY -> "Ready";
            case SIGNED_OFF -> "Signed off";
            case REFRESHER_DUE -> "Refresher due";
            case REVOKED -> "Revoked";
        };
    }
}
