package uk.carenav.call.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import uk.carenav.base.UkTime;
import uk.carenav.call.AttemptSummary;
import uk.carenav.call.CallService;
import uk.carenav.call.Mode;
import uk.carenav.call.TrainingProgress;
import uk.carenav.organisation.StaffDirectory;
import uk.carenav.organisation.StaffProfile;
import uk.carenav.scenario.Categories;
import uk.carenav.scenario.Scenario;

/** The trainee's home: what to do next, progress, and the scenario library by category. */
@Route("training")
@PageTitle("My training | CareNav Trainer")
@Menu(title = "My training", order = 1, icon = "vaadin:headset")
@RolesAllowed("TRAINEE")
public class TrainingView extends Main {

    private final CallService calls;
    /** Read once for the page: the scenarios that may be taken as assessments. */
    private final Set<String> assessable;

    TrainingView(CallService calls, StaffDirectory directory) {
        this.calls = calls;
        this.assessable = calls.assessableIds();
        addClassName("page");
        StaffProfile me = directory.currentProfile();
        TrainingProgress progress = calls.progress();
        List<AttemptSummary> mine = calls.myAttempts();
        List<Scenario> scenarios = calls.scenarios();

        add(new H1("My training"));
        add(new Paragraph("Welcome, " + me.displayName() + ". You are training as a care navigator at " + me.practice()
                + " (" + me.pcn() + "). " + (me.supervisors().isEmpty()
                        ? "No supervisor looks after your practice yet: ask your practice manager who will sign you off."
                        : "Your supervisor: " + String.join(", ", me.supervisors()) + ".")));

        List<AttemptSummary> unfinished = mine.stream().filter(a -> !a.completed()).toList();
        if (!unfinished.isEmpty()) {
            add(new H2("Unfinished calls"));
            for (AttemptSummary a : unfinished) {
                Button resume = new Button("Resume: " + a.title() + " (" + a.mode().label() + ")",
                        e -> UI.getCurrent().navigate("call/" + a.id()));
                resume.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                add(new Div(resume));
            }
        }

        add(new H2("What to do next"));
        add(nextSteps());

        add(new H2("Progress"));
        add(progressPanel(progress));

        add(new H2("Shift practice"));
        Button shift = new Button("Go to Shift", e -> UI.getCurrent().navigate("shift"));
        shift.addClassName("go-to-shift");
        add(new Paragraph("Take a run of calls against the clock, as at 8am: callers queue, some hang up, and one hides a "
                + "red flag behind an ordinary request. The shift report shows what the queue did to your safety."),
                new Div(shift));

        add(new H2("Scenario library"));
        add(new Paragraph("Practice calls give hints and can be retried. Assessment calls pick a version of the call at "
                + "random, give no hints and count towards sign-off."));
        Map<String, List<Scenario>> byCategory = scenarios.stream().collect(Collectors.groupingBy(Scenario::category,
                LinkedHashMap::new, Collectors.toList()));
        byCategory.forEach((category, list) -> {
            Details d = new Details(categoryLabel(category) + " (" + list.size() + ")");
            d.addClassName("category");
            // A category's cards are built when it is opened: every card of the library sent on every visit was
            // most of this page's weight (about 200 KB for 72 scenarios), and most visits open one category or none.
            d.addOpenedChangeListener(e -> {
                if (e.isOpened() && d.getContent().findAny().isEmpty()) {
                    Div cards = new Div();
                    cards.addClassName("scenario-cards");
                    list.stream().sorted(Comparator.comparing(Scenario::title)).forEach(s -> cards.add(card(s)));
                    d.add(cards);
                }
            });
            add(d);
        });
    }

    private Div nextSteps() {
        Div next = new Div();
        next.addClassName("scenario-cards");
        List<Scenario> recommended = calls.recommended(3);
        recommended.forEach(s -> next.add(card(s)));
        if (recommended.isEmpty()) {
            next.add(new Paragraph("You have passed an assessment in every required category. Keep practising, and ask "
                    + "your supervisor to observe some live calls."));
        }
        return next;
    }

    private Div progressPanel(TrainingProgress p) {
        Div panel = new Div();
        panel.addClassName("progress-panel");
        if (p.callsTaken() == 0) {
            panel.add(new Paragraph("Calls taken: 0. Your progress appears here once you finish your first call."));
            return panel;
        }
        panel.add(new Paragraph("Calls taken: " + p.callsTaken() + " (" + p.assessedCalls() + " assessed). Passed: "
                + p.passed() + " (" + p.passRate() + "%). Last activity: "
                + HistoryView.WHEN.format(p.lastActivity().atZone(UkTime.ZONE)) + "."));
        List<String> required = calls.requiredCategories();
        long passedRequired = required.stream().filter(p.categoriesPassedInAssessment()::contains).count();
        panel.add(new Paragraph("Required categories passed in assessment: " + passedRequired
                + " of " + required.size() + "."));
        // Each recent call by name, how it was taken and its band, opening its debrief: not bare badges.
        panel.add(new Paragraph("Recent calls, newest first:"));
        UnorderedList recent = new UnorderedList();
        recent.addClassName("recent-calls");
        p.recent().forEach(a -> {
            Anchor open = new Anchor("attempt/" + a.id(),
                    a.title() + " (" + a.modeLabel().toLowerCase(Locale.ROOT) + ")");
            ListItem item = new ListItem(open,
                    new Span(" "), new BandBadge(a.band()));
            recent.add(item);
        });
        panel.add(recent);
        return panel;
    }

    private Div card(Scenario s) {
        Div card = new Div();
        card.addClassName("scenario-card");
        H3 title = new H3(s.title());
        Span meta = new Span(categoryLabel(s.category()) + " \u00B7 " + s.difficulty());
        meta.addClassName("scenario-meta");
        Button practise = new Button("Practise", e -> UI.getCurrent().navigate("call/" + calls.start(s.id(), Mode.PRACTICE)));
        practise.setAriaLabel("Practise: " + s.title());
        practise.addThemeVariants(ButtonVariant.LUMO_SMALL);
        Button assess = new Button("Assessment", e -> UI.getCurrent().navigate("call/" + calls.start(s.id(), Mode.ASSESSMENT)));
        assess.setAriaLabel("Assessment: " + s.title());
        assess.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        Div buttons = new Div(practise);
        if (assessable.contains(s.id())) {
            buttons.add(assess);
        } else {
            // Not yet approved by a clinical reviewer (or overdue): practice only, and said so.
            Span unapproved = new Span("Not yet clinically approved: practice only");
            unapproved.addClassName("not-approved");
            buttons.add(unapproved);
        }
        buttons.addClassName("scenario-buttons");
        card.add(title, meta, buttons);
        return card;
    }

    static String categoryLabel(String category) {
        return Categories.label(category);
    }
}
