package uk.carenav.call.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import uk.carenav.organisation.StaffDirectory;
import uk.carenav.organisation.StaffProfile;

/** The trainee's home: who they are training with and what to do next. */
@Route("training")
@PageTitle("My training | CareNav Trainer")
@Menu(title = "My training", order = 1, icon = "vaadin:headset")
@RolesAllowed("TRAINEE")
public class TrainingView extends Main {

    TrainingView(StaffDirectory directory) {
        addClassName("page");
        StaffProfile me = directory.currentProfile();
        add(new H1("My training"));

        Paragraph who = new Paragraph();
        who.add(new Span("Welcome, " + me.displayName() + ". You are training as a care navigator at "),
                strong(me.practice()), new Span(" (" + me.pcn() + ")."));
        add(who);
        add(new Paragraph(me.supervisors().isEmpty()
                ? "No supervisor looks after your practice yet: ask your practice manager who will sign you off."
                : "Your supervisor: " + String.join(", ", me.supervisors())
                        + ". They review your assessed calls and sign you off before you take real calls."));

        add(new H2("Progress"));
        add(new Paragraph("Calls taken: 0. Your progress appears here once you take your first simulated call."));
    }

    private static Span strong(String text) {
        Span s = new Span(text);
        s.getStyle().set("font-weight", "600");
        return s;
    }
}
