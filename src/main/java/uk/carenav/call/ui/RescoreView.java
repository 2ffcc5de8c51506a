package uk.carenav.call.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import uk.carenav.call.RescoreService;
import uk.carenav.scenario.Scenario;
import uk.carenav.scenario.ScenarioLibrary;

/** For administrators: re-score the calls taken on a scenario after its marking changed. Originals are kept. */
@Route("admin/rescore")
@PageTitle("Re-score calls | CareNav Trainer")
@Menu(title = "Re-score calls", order = 6, icon = "vaadin:refresh")
@RolesAllowed("ADMIN")
public class RescoreView extends Main {

    RescoreView(RescoreService rescoring, ScenarioLibrary library) {
        addClassName("page");
        add(new H1("Re-score calls"));
        add(new Paragraph("When a scenario's marking changes, re-score the calls already taken on it against its current "
                + "version and the current scoring settings. Each call keeps its original result; the new one is recorded "
                + "beside it with your name and reason, and shown in the call's debrief."));
        ComboBox<Scenario> scenario = new ComboBox<>("Scenario");
        scenario.setItems(library.current().scenarios());
        scenario.setItemLabelGenerator(s -> s.title() + " (" + s.reference() + ")");
        scenario.setRequired(true);
        scenario.setWidth("32rem");
        TextArea reason = new TextArea("Reason");
        reason.setRequired(true);
        reason.setMinLength(10);
        reason.setMaxLength(1000);
        reason.setHelperText("Kept with every new result, e.g. \"v2 makes the safeguarding screen critical\"");
        reason.setWidth("32rem");
        Div result = new Div();
        Button go = new Button("Re-score", e -> {
            scenario.setInvalid(false);
            reason.setInvalid(false);
            if (scenario.getValue() == null) {
                scenario.setErrorMessage("Choose a scenario.");
                scenario.setInvalid(true);
                return;
            }
            try {
                RescoreService.Outcome o = rescoring.rescore(scenario.getValue().id(), reason.getValue());
                result.removeAll();
                result.add(new Paragraph(o.rescored() + " calls re-scored; " + o.bandChanged() + " changed band; "
                        + o.skipped().size() + " skipped."));
                if (!o.skipped().isEmpty()) {
                    UnorderedList list = new UnorderedList();
                    o.skipped().forEach(x -> list.add(new ListItem(x)));
                    result.add(list);
                }
            } catch (IllegalArgumentException ex) {
                reason.setErrorMessage(ex.getMessage());
                reason.setInvalid(true);
            }
        });
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(scenario, reason, go, result);
    }
}
