package uk.carenav.coverage.ui;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import uk.carenav.coverage.AreaTrainingStatus.MonthPoint;
import uk.carenav.coverage.CoverageCsv;

/** Month by month: the share signed off and the assessed calls taken, as a chart and as a table of the same figures. */
class TrendPanel extends Div {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.UK);

    TrendPanel(List<MonthPoint> points) {
        addClassName("trend-panel");
        List<String> labels = points.stream().map(p -> MONTH.format(p.month())).toList();
        MonthPoint first = points.get(0);
        MonthPoint last = points.get(points.size() - 1);
        String summary = "Signed off and in date: " + pct(first.signedOffPercent()) + " at the end of " + labels.get(0) + ", "
                + pct(last.signedOffPercent()) + " now. Assessed calls in " + labels.get(labels.size() - 1) + ": "
                + last.assessedCalls() + ", " + last.passed() + " passed.";
        add(new TrendChart(labels, points.stream().map(p -> p.signedOffPercent() == null ? 0 : p.signedOffPercent()).toList(),
                points.stream().map(MonthPoint::assessedCalls).toList(), points.stream().map(MonthPoint::passed).toList(),
                summary));

        Grid<MonthPoint> table = new Grid<>(MonthPoint.class, false);
        table.setAriaLabel("Training trend by month");
        table.addColumn(p -> MONTH.format(p.month())).setHeader("Month");
        table.addColumn(MonthPoint::signedOff).setHeader("Signed off").setTextAlign(ColumnTextAlign.END);
        table.addColumn(p -> pct(p.signedOffPercent())).setHeader("% of those required").setTextAlign(ColumnTextAlign.END);
        table.addColumn(MonthPoint::assessedCalls).setHeader("Assessed calls").setTextAlign(ColumnTextAlign.END);
        table.addColumn(MonthPoint::passed).setHeader("Passed").setTextAlign(ColumnTextAlign.END);
        table.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        table.setAllRowsVisible(true);
        table.setItems(points);
        Details figures = new Details("The figures behind the chart", table,
                CoverageDownloads.link("training-trend.csv", "Export the trend as CSV", () -> CoverageCsv.table(
                        List.of("Month", "Signed off and in date", "% of those required to train", "Assessed calls", "Passed"),
                        points.stream().map(p -> List.<Object>of(p.month().toString(), p.signedOff(),
                                p.signedOffPercent() == null ? "" : p.signedOffPercent(), p.assessedCalls(), p.passed()))
                                .toList())));
        add(figures);
    }

    private static String pct(Integer p) {
        return p == null ? "n/a" : p + "%";
    }
}
