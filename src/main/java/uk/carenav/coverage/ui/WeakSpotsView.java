package uk.carenav.coverage.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import uk.carenav.coverage.AreaAnalysis.HeatMap;
import uk.carenav.coverage.AreaAnalysis.Item;
import uk.carenav.coverage.AreaAnalysis.Rate;
import uk.carenav.coverage.AreaAnalysis;
import uk.carenav.coverage.CoverageCsv;

/**
 * Where the area is weak: competencies and red-flag screens by practice as heat-maps (each cell says its figure;
 * colour only repeats it), and how each scenario performs.
 */
@Route("coverage/weak-spots")
@PageTitle("Weak spots | Training coverage | CareNav Trainer")
@RolesAllowed("SERVICE_LEAD")
public class WeakSpotsView extends Main {

    WeakSpotsView(AreaAnalysis analysis) {
        addClassNames("page", "wide-page");
        add(new RouterLink("Back to training coverage", CoverageView.class));
        add(new H1("Weak spots"));
        add(new Paragraph("From every finished call (practice and assessed) of your area's trainees. A rate needs at least "
                + AreaAnalysis.MIN_CALLS + " calls; fewer are shown as a dash."));

        HeatMap competencies = analysis.competencies();
        add(section("Competencies by practice: % of calls passed"));
        add(new Paragraph("Calls on the scenarios that evidence each competency. Low figures show where a practice is weak."));
        add(heatMap(competencies, "Competency pass rates by practice", false, "competency-pass-rates.csv"));

        HeatMap flags = analysis.missedRedFlags(8);
        add(section("Most-missed red-flag screens by practice: % of calls missed"));
        if (flags.columns().isEmpty()) {
            add(new Paragraph("No red-flag screen has been missed in your area's calls."));
        } else {
            add(new Paragraph("The screens missed most often across the area, and how often each practice missed them "
                    + "(not asked, or asked only after routing). High figures are the risk."));
            add(heatMap(flags, "Missed red-flag screens by practice", true, "missed-red-flags.csv"));
        }

        add(section("Red flags under queue pressure: shifts compared with single calls"));
        List<AreaAnalysis.QueuePressure> pressure = analysis.queuePressure();
        if (pressure.isEmpty()) {
            add(new Paragraph("No shifts finished in your area yet. A shift is a timed run of calls from a queue, with a "
                    + "red flag hidden among routine requests."));
        } else {
            add(new Paragraph("Each red-flag screen that came up on a call answered from a shift's queue: how often it "
                    + "was missed there, and how often the same practice missed it on single calls. A screen missed "
                    + "more often in shifts is one the queue pushes out."));
            Grid<AreaAnalysis.QueuePressure> grid = new Grid<>(AreaAnalysis.QueuePressure.class, false);
            grid.setAriaLabel("Red flags under queue pressure by practice");
            grid.addClassName("queue-pressure");
            grid.addColumn(AreaAnalysis.QueuePressure::practice).setHeader("Practice").setAutoWidth(true).setSortable(true);
            grid.addColumn(AreaAnalysis.QueuePressure::screen).setHeader("Red-flag screen").setFlexGrow(2);
            grid.addColumn(q -> missed(q.inShifts())).setHeader("Missed in shifts").setAutoWidth(true);
            grid.addColumn(q -> missed(q.singleCalls())).setHeader("Missed on single calls").setAutoWidth(true);
            grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
            grid.setAllRowsVisible(true);
            grid.setItems(pressure);
            add(CoverageDownloads.link("red-flags-under-queue-pressure.csv", "Export this table as CSV",
                    () -> CoverageCsv.table(List.of("Practice", "Red-flag screen", "Shift calls", "Missed in shifts",
                            "Single calls", "Missed on single calls"), pressure.stream().map(q -> List.<Object>of(
                            q.practice(), q.screen(), q.inShifts().of(), q.inShifts().count(), q.singleCalls().of(),
                            q.singleCalls().count())).toList())), grid);
        }

        add(section("Scenario item analysis"));
        add(new Paragraph("Pass rate and mean score show difficulty; discrimination is the pass rate of the strongest quarter "
                + "of trainees minus the weakest quarter (points): near zero or negative means the scenario does not tell "
                + "strong from weak trainees and should be reviewed."));
        List<Item> items = analysis.items();
        if (items.isEmpty()) {
            add(new Paragraph("No finished calls in your area yet."));
            return;
        }
        Grid<Item> grid = new Grid<>(Item.class, false);
        grid.setAriaLabel("Scenario item analysis");
        grid.addColumn(Item::title).setHeader("Scenario").setSortable(true).setFlexGrow(2);
        grid.addColumn(Item::calls).setHeader("Calls").setSortable(true).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(i -> i.passPercent() == null ? "-" : i.passPercent() + "%").setHeader("Passed")
                .setComparator(i -> i.passPercent() == null ? -1 : i.passPercent()).setSortable(true)
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(Item::meanScore).setHeader("Mean score").setSortable(true).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(i -> i.discrimination() == null ? "-" : String.valueOf(i.discrimination())).setHeader("Discrimination")
                .setComparator(i -> i.discrimination() == null ? -1000 : i.discrimination()).setSortable(true)
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(i -> i.commonWrongRoute().isEmpty() ? "" : i.commonWrongRoute() + " (" + i.wrongRouteCalls() + ")")
                .setHeader("Most common wrong route").setFlexGrow(2);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.setItems(items);
        add(CoverageDownloads.link("scenario-item-analysis.csv", "Export this table as CSV", () -> CoverageCsv.table(
                List.of("Scenario id", "Scenario", "Category", "Calls", "Passed %", "Mean score", "Discrimination",
                        "Most common wrong route", "Calls on that route"),
                items.stream().map(i -> List.<Object>of(i.scenarioId(), i.title(), i.category(), i.calls(),
                        i.passPercent() == null ? "" : i.passPercent(), i.meanScore(),
                        i.discrimination() == null ? "" : i.discrimination(), i.commonWrongRoute(), i.wrongRouteCalls()))
                        .toList())), grid);
    }

    /** A practice per row, a column per item; {@code highIsBad} colours high figures as the risk. */
    private static Component heatMap(HeatMap map, String label, boolean highIsBad, String fileName) {
        Grid<String> grid = new Grid<>();
        grid.setAriaLabel(label);
        grid.addClassName("heat-map");
        grid.addColumn(p -> p).setHeader("Practice").setAutoWidth(true).setFrozen(true);
        for (String col : map.columns()) {
            Span header = new Span(col.length() > 28 ? col.substring(0, 27) + "…" : col);
            header.getElement().setAttribute("title", map.columnTitles().getOrDefault(col, col));
            grid.addComponentColumn(p -> cell(map.cell(p, col), highIsBad)).setHeader(header)
                    .setTooltipGenerator(p -> map.columnTitles().getOrDefault(col, col) + ", " + p + ": "
                            + describe(map.cell(p, col), highIsBad))
                    .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        }
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_COLUMN_BORDERS);
        grid.setAllRowsVisible(true);
        grid.setItems(map.practices());
        List<String> header = new ArrayList<>(List.of("Practice"));
        map.columns().forEach(c -> header.add(c + " %"));
        header.add("Calls");
        var link = CoverageDownloads.link(fileName, "Export this table as CSV", () -> CoverageCsv.table(header,
                map.practices().stream().map(p -> {
                    List<Object> row = new ArrayList<>(List.of(p));
                    map.columns().forEach(c -> row.add(map.cell(p, c).percent() == null ? "" : map.cell(p, c).percent()));
                    row.add(map.cells().getOrDefault(p, Map.of()).values().stream().mapToInt(Rate::of).max().orElse(0));
                    return row;
                }).toList()));
        Div box = new Div(link, grid);
        return box;
    }

    /** "1 of 4 (25%)", or "none yet". */
    private static String missed(Rate r) {
        return r.of() == 0 ? "none yet" : r.count() + " of " + r.of() + " (" + Math.round(r.count() * 100f / r.of()) + "%)";
    }

    private static H2 section(String title) {
        H2 h = new H2(title);
        h.addClassName("section-heading");
        return h;
    }

    private static Span cell(Rate r, boolean highIsBad) {
        Integer p = r.percent();
        Span s = new Span(p == null ? "-" : p + "%");
        if (p != null) {
            int goodness = highIsBad ? 100 - p : p;
            s.addClassName(goodness >= 80 ? "heat-good" : goodness >= 60 ? "heat-fair" : "heat-poor");
        }
        return s;
    }

    private static String describe(Rate r, boolean highIsBad) {
        return r.percent() == null ? r.of() + " calls, too few for a rate"
                : r.percent() + "% of " + r.of() + (highIsBad ? " calls missed it" : " calls passed");
    }
}
