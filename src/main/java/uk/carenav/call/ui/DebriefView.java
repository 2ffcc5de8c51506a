package uk.carenav.call.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import uk.carenav.call.CallService;
import uk.carenav.call.Debrief;
import uk.carenav.call.Mode;

/** The trainee's debrief of a finished call. */
@Route("attempt/:attemptId")
@RolesAllowed("TRAINEE")
public class DebriefView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final CallService calls;
    private String title = "Call debrief | CareNav Trainer";

    DebriefView(CallService calls) {
        this.calls = calls;
        addClassNames("page", "debrief-view");
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("attemptId").orElse("");
        var state = calls.call(id);
        if (!state.attempt().completed()) {
            event.forwardTo("call/" + id);
            return;
        }
        Debrief d = calls.debrief(id);
        title = "Debrief: " + d.scenario().title() + " | CareNav Trainer";
        removeAll();
        add(new H1("Call debrief"), new DebriefPanel(d));
        Div actions = new Div();
        actions.addClassName("debrief-actions");
        if (d.attempt().mode() == Mode.PRACTICE) {
            Button again = new Button("Try this call again", e -> UI.getCurrent().navigate("call/" + calls.retry(d.attempt().id())));
            again.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            actions.add(again);
        }
        actions.add(new Anchor("training", "Back to My training"), new Anchor("history", "Call history"));
        add(actions);
    }
}
