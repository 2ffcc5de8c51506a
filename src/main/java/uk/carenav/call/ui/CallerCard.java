package uk.carenav.call.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import uk.carenav.scenario.Scenario;

/** Who is on the phone: name, age, who they are calling about, how they communicate, and whether the practice is open. */
class CallerCard extends Div {

    CallerCard(Scenario scenario, Scenario.Variant variant) {
        addClassName("caller-card");
        getElement().setAttribute("role", "region");
        getElement().setAttribute("aria-label", "Caller");
        Scenario.Caller c = scenario.caller();
        boolean aboutSomeoneElse = c.patient() != null;
        String age = !aboutSomeoneElse && variant.facts().containsKey("age") ? variant.facts().get("age") : String.valueOf(c.age());
        String sex = !aboutSomeoneElse && variant.facts().containsKey("sex") ? variant.facts().get("sex") : c.sex();
        H2 name = new H2(c.name());
        name.addClassName("caller-name");
        add(name);
        add(line("Age", age + ", " + sex));
        add(line("Calling as", c.calling() + (c.relationship() == null ? "" : " (" + c.relationship() + ")")));
        if (aboutSomeoneElse) {
            Scenario.Patient p = c.patient();
            String pAge = variant.facts().getOrDefault("age", String.valueOf(p.age()));
            String pSex = variant.facts().getOrDefault("sex", p.sex());
            add(line("Calling about", p.name() + ", " + pAge + ", " + pSex));
        }
        add(line("How they come across", String.join(", ", c.communication())));
        add(line("Time of call", scenario.timeOfCall().label()));
    }

    private static Div line(String label, String value) {
        Span l = new Span(label + ": ");
        l.addClassName("caller-label");
        Div d = new Div(l, new Span(value));
        d.addClassName("caller-line");
        return d;
    }
}
