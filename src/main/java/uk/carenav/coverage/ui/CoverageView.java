package uk.carenav.coverage.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import uk.carenav.competency.Readiness.Blocker;
import uk.carenav.competency.TraineeStatus;
import uk.carenav.coverage.AreaTrainingStatus.PcnStatus;
import uk.carenav.coverage.AreaTrainingStatus.PracticeStatus;
import uk.carenav.coverage.AreaTrainingStatus;
import uk.carenav.coverage.CoverageCsv;
import uk.carenav.coverage.XapiExport;

/**
 * The service lead's home: every PCN and practice in their area, how many navigators must train and how
 * far they have got, what holds back those in training, the trend, and exports for the ICB.
 */
@Route("coverage")
@PageTitle("Training coverage | CareNav Trainer")
@Menu(title = "Training coverage", order = 3, icon = "vaadin:chart-grid")
@RolesAllowed("SERVICE_LEAD")
public class CoverageView extends Main {

    /** A row of the table: a PCN with its practices beneath, or one practice. */
    record Row(String name, PcnStatus pcn, PracticeStatus practice) {
        int trainees() {
            return pcn != null ? pcn.trainees() : practice.trainees();
        }

        int count(TraineeStatus s) {
            return pcn != null ? pcn.count(s) : practice.count(s);
        }

        int excluded() {
            return pcn != null ? pcn.excluded() : practice.excluded();
        }

        Integer percent() {
            return pcn != null ? pcn.signedOffPercent() : practice.signedOffPercent();
        }

        String rag() {
            return pcn != null ? pcn.rag() : practice.rag();
        }
    }

    CoverageView(AreaTrainingStatus status, XapiExport xapi) {
        addClassNames("page", "wide-page");
        AreaTrainingStatus.Area area = status.myArea();
        add(new H1("Training coverage"));
        List<PcnStatus> pcns = area.pcns();
        int signedOff = area.count(TraineeStatus.SIGNED_OFF);
        add(new Paragraph(area.name() + ": " + pcns.size() + " PCNs, " + area.practices().size() + " practices, "
                + area.trainees() + " care navigators required to train; " + signedOff + " signed off and in date"
                + (area.trainees() == 0 ? "." : " (" + Math.round(signedOff * 100f / area.trainees()) + "%).")
                + (area.excluded() == 0 ? "" : " " + area.excluded() + " not required or on long-term leave are not counted.")
                + " RAG: green when 80% or more of the navigators required to train are signed off, amber from 50%, red below."));

        add(notReady(area));

        TreeGrid<Row> grid = new TreeGrid<>();
        grid.setAriaLabel("PCNs and practices in your area with training status");
        grid.addClassName("coverage-grid");
        grid.addComponentHierarchyColumn(this::nameCell).setHeader("PCN / practice").setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(Row::trainees).setHeader("Total").setTextAlign(ColumnTextAlign.END).setWidth("4.75rem").setFlexGrow(0);
        grid.addComponentColumn(CoverageView::ragBadge).setHeader("RAG, signed off").setWidth("8rem").setFlexGrow(0);
        for (TraineeStatus s : List.of(TraineeStatus.NOT_STARTED, TraineeStatus.IN_TRAINING, TraineeStatus.READY,
                TraineeStatus.SIGNED_OFF)) {
            grid.addColumn(r -> r.count(s)).setHeader(shortLabel(s)).setTextAlign(ColumnTextAlign.END)
                    .setWidth(s == TraineeStatus.IN_TRAINING ? "5.75rem" : "4.75rem").setFlexGrow(0);
        }
        // Refresher due and revoked both need the supervisor to act ("Needs action"); the CSV export keeps them apart.
        grid.addColumn(r -> r.count(TraineeStatus.REFRESHER_DUE) + r.count(TraineeStatus.REVOKED))
                .setHeader("Needs action").setTextAlign(ColumnTextAlign.END).setWidth("4.75rem").setFlexGrow(0);
        grid.addColumn(Row::excluded).setHeader("Excluded").setTextAlign(ColumnTextAlign.END).setWidth("6rem").setFlexGrow(0)
                .setTooltipGenerator(r -> "Not required to train, or on long-term leave");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        List<Row> roots = pcns.stream().map(p -> new Row(p.pcn(), p, null)).toList();
        grid.setItems(roots, r -> r.pcn() == null ? List.of()
                : r.pcn().practices().stream().map(p -> new Row(p.practice(), null, p)).toList());
        grid.expand(roots);

        Anchor export = CoverageDownloads.link("training-coverage.csv", "Export this table as CSV",
                () -> CoverageCsv.of(area));
        FlexLayout links = new FlexLayout(export, new RouterLink("Weak spots and scenario analysis", WeakSpotsView.class));
        links.addClassName("link-row");
        add(links, grid);

        H2 trend = new H2("Trend");
        trend.addClassName("section-heading");
        add(trend);
        add(new TrendPanel(status.trend(12)));
        add(new XapiExportPanel(xapi));
    }

    /** Practices below green and, for those in training, what holds them back: the "why" for the ICB. */
    private static Component notReady(AreaTrainingStatus.Area area) {
        List<PracticeStatus> behind = area.practices().stream().filter(p -> p.trainees() > 0 && !"Green".equals(p.rag()))
                .sorted(Comparator.comparing((PracticeStatus p) -> p.signedOffPercent()))
                .toList();
        Div box = new Div();
        box.addClassName("not-ready");
        if (behind.isEmpty()) {
            box.add(new Paragraph(area.trainees() == 0 ? "No practice in your area has navigators required to train yet."
                    : "Every practice with navigators to train is green."));
            return box;
        }
        box.add(new H2(behind.size() + (behind.size() == 1 ? " practice is" : " practices are") + " not ready"));
        UnorderedList list = new UnorderedList();
        for (PracticeStatus p : behind) {
            list.add(new ListItem(new RouterLink(p.practice(), PracticeCoverageView.class, new RouteParameters("ods", p.odsCode())),
                    new Span(" (" + p.pcn() + "), " + p.rag() + " " + p.signedOffPercent() + "% signed off: " + why(p))));
        }
        box.add(list);
        return box;
    }

    static String why(PracticeStatus p) {
        StringBuilder sb = new StringBuilder();
        append(sb, p.count(TraineeStatus.NOT_STARTED), "not started");
        append(sb, p.count(TraineeStatus.READY), "ready, waiting for a supervisor's sign-off");
        append(sb, p.count(TraineeStatus.REFRESHER_DUE), "refresher overdue");
        append(sb, p.count(TraineeStatus.REVOKED), "sign-off revoked");
        int inTraining = p.count(TraineeStatus.IN_TRAINING);
        if (inTraining > 0) {
            String blockers = p.blockers().entrySet().stream()
                    .sorted(Map.Entry.<Blocker, Integer>comparingByValue().reversed())
                    .map(e -> e.getKey().label().toLowerCase(Locale.ROOT) + " (" + e.getValue() + ")")
                    .reduce((a, b) -> a + ", " + b).orElse("");
            append(sb, inTraining, "in training" + (blockers.isEmpty() ? "" : ", held back by " + blockers));
        }
        return sb.append('.').toString();
    }

    private static void append(StringBuilder sb, int n, String what) {
        if (n > 0) {
            sb.append(sb.isEmpty() ? "" : "; ").append(n).append(' ').append(what);
        }
    }

    private Component nameCell(Row r) {
        if (r.practice() == null) {
            Span pcn = new Span(r.name());
            pcn.addClassName("pcn-name");
            return pcn;
        }
        return new RouterLink(r.name(), PracticeCoverageView.class, new RouteParameters("ods", r.practice().odsCode()));
    }

    static Component ragBadge(Row r) {
        return badge(r.rag(), r.percent());
    }

    static Span badge(String rag, Integer percent) {
        // The rating with the share signed off behind it, e.g. "Amber 50%": never colour alone.
        Span span = new Span(rag + (percent == null ? "" : " " + percent + "%"));
        span.getElement().getThemeList().add("badge " + switch (rag) {
            case "Green" -> "success";
            case "Amber" -> "contrast";
            case "Red" -> "error";
            default -> "";
        });
        return span;
    }

    /** Column headers short enough for the whole table to fit a laptop screen; the CSV keeps the full names. */
    static String shortLabel(TraineeStatus s) {
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
