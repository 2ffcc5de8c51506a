package uk.carenav.call.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.server.StreamResource;
import java.io.ByteArrayInputStream;
import java.util.List;
import uk.carenav.call.UtteranceMisses;
import uk.carenav.scenario.Scenario;
import uk.carenav.scenario.ScenarioLibrary;
import uk.carenav.scenario.ui.ScenarioLibrarySection;

/**
 * On the Scenario library page: what trainees typed in conversational calls that the call could not place,
 * newest first, by scenario, so authors can add phrasings; exportable as CSV.
 */
@org.springframework.stereotype.Component
class MissedUtterancesSection implements ScenarioLibrarySection {

    private final UtteranceMisses misses;
    private final ScenarioLibrary library;

    MissedUtterancesSection(UtteranceMisses misses, ScenarioLibrary library) {
        this.misses = misses;
        this.library = library;
    }

    @Override
    public Component create() {
        Section section = new Section();
        section.addClassName("missed-utterances");
        section.add(new H2("What trainees said that calls could not place"));
        section.add(new Paragraph("Utterances typed in conversational calls that matched nothing, or that came "
                + "too close to two things to tell apart, newest first. Add the ones that should have been understood "
                + "as phrasings of the right question, statement or safety-netting step."));
        ComboBox<Scenario> scenario = new ComboBox<>("Scenario");
        scenario.setItems(library.current().scenarios());
        scenario.setItemLabelGenerator(s -> s.title() + " (" + s.id() + ")");
        scenario.setClearButtonVisible(true);
        scenario.setHelperText("Leave empty for every scenario");
        scenario.setWidth("min(100%, 32em)");
        Grid<UtteranceMisses.Miss> grid = new Grid<>();
        grid.setAriaLabel("Utterances calls could not place");
        grid.addClassName("missed-utterances-grid");
        grid.addColumn(UtteranceMisses.Miss::at).setHeader("When").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(m -> m.title() + " v" + m.version()).setHeader("Scenario").setAutoWidth(true);
        grid.addColumn(UtteranceMisses.Miss::typed).setHeader("What was typed").setFlexGrow(2);
        grid.addColumn(UtteranceMisses.Miss::heard).setHeader("Heard as").setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        Paragraph empty = new Paragraph();
        Anchor download = new Anchor();
        download.setText("Download as CSV");
        download.getElement().setAttribute("download", true);
        Runnable refresh = () -> {
            String id = scenario.getValue() == null ? null : scenario.getValue().id();
            List<UtteranceMisses.Miss> rows = misses.recent(id);
            grid.setItems(rows);
            grid.setVisible(!rows.isEmpty());
            download.setVisible(!rows.isEmpty());
            empty.setText(rows.isEmpty() ? "No call has had an utterance it could not place"
                    + (id == null ? "." : " on this scenario.") : rows.size() + (rows.size() == 1 ? " utterance." : " utterances."));
            StreamResource csv = new StreamResource("utterances-not-placed" + (id == null ? "" : "-" + id) + ".csv",
                    () -> new ByteArrayInputStream(misses.csv(id)));
            csv.setContentType("text/csv");
            download.setHref(csv);
        };
        scenario.addValueChangeListener(e -> refresh.run());
        refresh.run();
        section.add(scenario, empty, download, grid);
        return section;
    }
}
