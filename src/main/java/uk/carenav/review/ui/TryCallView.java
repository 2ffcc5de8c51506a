package uk.carenav.review.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import uk.carenav.base.ui.TranscriptPanel;
import uk.carenav.conversation.CallerReplies;
import uk.carenav.conversation.Conversations;
import uk.carenav.conversation.Heard;
import uk.carenav.review.ScenarioReviews;
import uk.carenav.scenario.CallAction;
import uk.carenav.scenario.Catalogue;
import uk.carenav.scenario.Scenario;
import uk.carenav.scenario.ScenarioLibrary;
import uk.carenav.scoring.ScoreCard;
import uk.carenav.scoring.ScoreCardText;
import uk.carenav.scoring.ScoringEngine;
import uk.carenav.scoring.ScoringPolicy;
import uk.carenav.scoring.Transcript;

/**
 * "Try this call": a clinical reviewer (or an administrator) plays a scenario version as a trainee would, in a
 * variant they choose, typing what they would say, and sees the score card the scoring engine gives. Nothing is
 * recorded: no attempt, no event, no audit entry; the call lives in this page only.
 */
@Route("review/:scenarioId/try")
@RolesAllowed({"CLINICAL_REVIEWER", "ADMIN"})
public class TryCallView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final ScenarioReviews reviews;
    private final ScenarioLibrary library;
    private final Conversations conversations;
    private final ScoringEngine engine;
    private final Clock clock;
    private final List<CallAction> actions = new ArrayList<>();
    private Scenario scenario;
    private Scenario.Variant variant;
    private Instant started;
    private String title = "Try this call | CareNav Trainer";
    private TranscriptPanel transcript;
    private Div scoreCard;
    private TextField say;
    private Div talk;
    private Select<Catalogue.Route> route;
    private TextArea note;
    private Button end;

    TryCallView(ScenarioReviews reviews, ScenarioLibrary library, Conversations conversations, ScoringPolicy policy,
            Clock clock) {
        this.reviews = reviews;
        this.library = library;
        this.conversations = conversations;
        this.engine = new ScoringEngine(policy);
        this.clock = clock;
        addClassNames("page", "try-call");
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("scenarioId").orElse("");
        var found = reviews.version(id);
        if (found.isEmpty()) {
            event.rerouteToError(NotFoundException.class, "No scenario " + id + " in the library");
            return;
        }
        scenario = found.get().scenario();
        title = "Try: " + scenario.title() + " | CareNav Trainer";
        build();
    }

    private void build() {
        removeAll();
        Scenario s = scenario;
        add(new Anchor("review/" + s.id(), "Back to the review of " + s.title()));
        add(new H1("Try: " + s.title()));
        add(new Paragraph("Play this call as a trainee would, in the variant you choose. Nothing is recorded: "
                + "no attempt, no score on anyone's record, no audit entry."),
                new Paragraph("Version " + s.version() + " \u00B7 " + s.timeOfCall().label() + "."));
        Select<Scenario.Variant> variants = new Select<>();
        variants.setLabel("Variant");
        variants.setItems(s.variants());
        variants.setItemLabelGenerator(v -> v == null ? "" : v.label() + " (" + v.id() + ")");
        variants.setValue(variant == null ? s.variants().get(0) : variant);
        variants.setWidth("min(100%, 40rem)");
        Button restart = new Button("Start the call", e -> start(variants.getValue()));
        Div pick = new Div(variants, restart);
        pick.addClassName("scenario-buttons");
        add(pick);

        transcript = new TranscriptPanel();

        say = new TextField("Ask or say");
        say.setWidthFull();
        say.setMaxLength(500);
        say.setHelperText("Type what you would say to the caller; Enter sends.");
        say.addKeyPressListener(Key.ENTER, e -> say());
        Button send = new Button("Say it", e -> say());
        talk = new Div(say, send);
        talk.addClassName("try-talk");

        route = new Select<>();
        route.setLabel("Route");
        route.setItems(library.current().catalogue().services());
        route.setItemLabelGenerator(r -> r == null ? "" : r.name());
        route.setWidth("min(100%, 40rem)");
        Button give = new Button("Give this route", e -> giveRoute());
        Div routing = new Div(route, give);
        routing.addClassName("scenario-buttons");

        note = new TextArea("Note for the record");
        note.setWidthFull();
        note.setMaxLength(4000);
        end = new Button("End the call and score it", e -> end());
        end.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        scoreCard = new Div();
        scoreCard.addClassName("try-score");

        add(new H2("The call"), transcript, talk, routing, note, end, scoreCard);
        start(variants.getValue());
    }

    private void start(Scenario.Variant chosen) {
        variant = chosen;
        actions.clear();
        started = clock.instant();
        transcript.removeAll();
        scoreCard.removeAll();
        note.clear();
        route.clear();
        setOpen(true);
        transcript.caller(scenario.caller().name(), scenario.opening());
        say.focus();
    }

    private double now() {
        return Math.round(Duration.between(started, clock.instant()).toMillis() / 100.0) / 10.0;
    }

    private void say() {
        String text = say.getValue() == null ? "" : say.getValue().strip();
        if (text.isEmpty()) {
            return;
        }
        Catalogue catalogue = library.current().catalogue();
        Heard heard = conversations.hear(scenario, text);
        double at = now();
        switch (heard.kind()) {
            case QUESTION -> actions.add(new CallAction.Ask(heard.itemId(), at));
            case DISTRACTOR -> {
                if (scenario.question(heard.itemId()).isPresent()) {
                    actions.add(new CallAction.Ask(heard.itemId(), at));
                }
            }
            case STATEMENT -> actions.add(new CallAction.Say(heard.itemId(), at));
            case SAFETY_NET -> actions.add(new CallAction.SafetyNet(heard.itemId(), at));
            default -> { }
        }
        transcript.you(text, heardAs(heard));
        transcript.caller(scenario.caller().name(), CallerReplies.reply(scenario, catalogue, variant.id(), heard));
        say.clear();
        say.focus();
    }

    private static String heardAs(Heard heard) {
        // The same words as the call page's transcript.
        if (heard.isSmallTalk()) {
            return Heard.SMALL_TALK_TEXT;
        }
        if (heard.isUnclear()) {
            return "unclear: \u201C" + heard.unclear().get(0).itemText() + "\u201D or \u201C"
                    + heard.unclear().get(1).itemText() + "\u201D";
        }
        return heard.matched() ? heard.itemText() : "nothing the caller could follow";
    }

    private void giveRoute() {
        if (route.getValue() == null) {
            route.setInvalid(true);
            route.setErrorMessage("Choose a route first");
            return;
        }
        route.setInvalid(false);
        actions.add(new CallAction.ChooseRoute(route.getValue().id(), now()));
        transcript.system("Route given: " + route.getValue().name());
    }

    private void end() {
        List<CallAction> all = new ArrayList<>(actions);
        if (note.getValue() != null && !note.getValue().isBlank()) {
            all.add(new CallAction.WriteNote(note.getValue().strip(), now()));
        }
        ScoreCard card = engine.score(scenario, library.current().catalogue(),
                new Transcript(scenario.id(), scenario.version(), variant.id(), all));
        scoreCard.removeAll();
        scoreCard.add(new H2("How this call would score"), new Paragraph("Not recorded. Variant: " + variant.label() + "."));
        Pre text = new Pre(ScoreCardText.text(card));
        text.addClassName("review-file");
        scoreCard.add(text);
        setOpen(false);
    }

    private void setOpen(boolean open) {
        say.setEnabled(open);
        talk.setEnabled(open);
        route.setEnabled(open);
        note.setEnabled(open);
        end.setEnabled(open);
    }
}
