package uk.carenav.call.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import uk.carenav.base.UkTime;
import uk.carenav.call.AttemptSummary;
import uk.carenav.call.CallService;
import uk.carenav.call.Mode;
import uk.carenav.scoring.ComplianceBand;

/** Every call the trainee has taken, filterable by mode, band, category and date; each opens its debrief. */
@Route("history")
@PageTitle("Call history | CareNav Trainer")
@Menu(title = "Call history", order = 1.5, icon = "vaadin:time-backward")
@RolesAllowed("TRAINEE")
public class HistoryView extends Main {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm");
    private final List<AttemptSummary> all;
    private final Grid<AttemptSummary> grid = new Grid<>(AttemptSummary.class, false);
    private final ComboBox<Mode> mode = new ComboBox<>("Mode");
    private final ComboBox<ComplianceBand> band = new ComboBox<>("Band");
    private final ComboBox<String> category = new ComboBox<>("Category");
    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("To");
    private final Paragraph count = new Paragraph();

    HistoryView(CallService calls) {
        addClassName("page");
        all = calls.myAttempts();
        add(new H1("Call history"));

        mode.setItems(Mode.values());
        mode.setItemLabelGenerator(Mode::label);
        band.setItems(ComplianceBand.values());
        band.setItemLabelGenerator(ComplianceBand::label);
        category.setItems(all.stream().map(AttemptSummary::category).distinct().sorted().toList());
        for (var f : List.of(mode, band, category)) {
            f.setClearButtonVisible(true);
            f.addValueChangeListener(e -> filter());
        }
        from.addValueChangeListener(e -> filter());
        to.addValueChangeListener(e -> filter());
        from.setClearButtonVisible(true);
        to.setClearButtonVisible(true);
        Div filters = new Div(mode, band, category, from, to);
        filters.addClassName("filters");
        add(filters, count);

        grid.setAriaLabel("Your calls");
        grid.addColumn(a -> WHEN.format(a.startedAt().atZone(UkTime.ZONE))).setHeader("Started")
                .setComparator(AttemptSummary::startedAt).setSortable(true).setAutoWidth(true);
        grid.addColumn(AttemptSummary::title).setHeader("Scenario").setSortable(true).setAutoWidth(true);
        grid.addColumn(AttemptSummary::category).setHeader("Category").setSortable(true).setAutoWidth(true);
        grid.addColumn(AttemptSummary::modeLabel).setHeader("Mode").setSortable(true);
        grid.addComponentColumn(a -> new BandBadge(a.band())).setHeader("Band").setAutoWidth(true);
        grid.addColumn(a -> a.percentage() == null ? "" : String.format("%.1f%%", a.percentage())).setHeader("Score");
        grid.addComponentColumn(a -> {
            Button open = new Button(a.completed() ? "Debrief" : "Resume",
                    e -> UI.getCurrent().navigate((a.completed() ? "attempt/" : "call/") + a.id()));
            open.addThemeVariants(ButtonVariant.LUMO_SMALL, a.completed() ? ButtonVariant.LUMO_TERTIARY : ButtonVariant.LUMO_PRIMARY);
            open.setAriaLabel((a.completed() ? "Debrief of " : "Resume ") + a.title());
            return open;
        }).setHeader("Open").setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        add(grid);
        filter();
    }

    private void filter() {
        LocalDate f = from.getValue();
        LocalDate t = to.getValue();
        List<AttemptSummary> shown = all.stream()
                .filter(a -> mode.getValue() == null || a.mode() == mode.getValue())
                .filter(a -> band.getValue() == null || band.getValue().name().equals(a.band()))
                .filter(a -> category.getValue() == null || category.getValue().equals(a.category()))
                .filter(a -> f == null || !a.startedAt().atZone(UkTime.ZONE).toLocalDate().isBefore(f))
                .filter(a -> t == null || !a.startedAt().atZone(UkTime.ZONE).toLocalDate().isAfter(t))
                .toList();
        grid.setItems(shown);
        count.setText(all.isEmpty() ? "You have not taken any calls yet. Start one from My training."
                : shown.size() + " of " + all.size() + " calls shown.");
    }

}
