package uk.carenav.call.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import uk.carenav.base.UkTime;
import uk.carenav.base.ui.InertConfirm;
import uk.carenav.base.ui.TranscriptPanel;
import uk.carenav.call.CallEndedException;
import uk.carenav.call.CallEvent;
import uk.carenav.call.CallService;
import uk.carenav.call.CallState;
import uk.carenav.call.InputMode;
import uk.carenav.call.Mode;
import uk.carenav.call.Turn;
import uk.carenav.directory.ServiceDirectory;
import uk.carenav.organisation.StaffDirectory;
import uk.carenav.scenario.CallAction;
import uk.carenav.scenario.Catalogue;
import uk.carenav.scenario.Scenario;

/**
 * A simulated call. Every click is saved at once, so a closed browser, a lost network or a server
 * restart loses nothing: opening the call again shows every step taken. Everything works by keyboard.
 */
@Route("call/:attemptId")
@RolesAllowed("TRAINEE")
public class CallView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final CallService calls;
    private final Clock clock;
    private final StaffDirectory directory;
    private final ServiceDirectory services;
    private Map<String, ServiceDirectory.LocalService> local = Map.of();
    private String attemptId;
    private CallState state;
    private final TranscriptPanel transcript = new TranscriptPanel();
    private final Map<String, Button> questionButtons = new LinkedHashMap<>();
    private final Map<String, Button> stepButtons = new HashMap<>();
    /** What was asked and said so far, so lists built later show it as the buttons built at once would. */
    private final Set<String> asked = new HashSet<>();
    private final Set<String> said = new HashSet<>();
    private final Span routeGiven = new Span();
    private RadioButtonGroup<Catalogue.Route> routes;
    private final Span noteSaved = new Span();
    private boolean readAloud;

    private final List<CallCompanion> companions;

    CallView(CallService calls, StaffDirectory directory, ServiceDirectory services, Clock clock,
            List<CallCompanion> companions) {
        this.companions = companions;
        this.clock = clock;
        this.calls = calls;
        this.directory = directory;
        this.services = services;
        addClassNames("page", "call-view");
    }

    @Override
    public String getPageTitle() {
        return state == null ? "Call | CareNav Trainer" : "Call: " + state.scenario().title() + " | CareNav Trainer";
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        attemptId = event.getRouteParameters().get("attemptId").orElse("");
        state = calls.call(attemptId);
        if (state.attempt().completed()) {
            event.forwardTo(afterEnd());
            return;
        }
        readAloud = state.readAloud();
        local = services.forMyPractice();
        build();
    }

    private void build() {
        removeAll();
        Scenario s = state.scenario();
        H1 title = new H1("Call: " + s.title());
        Span mode = new Span(state.shift() != null ? "Shift call" : state.attempt().mode().label());
        mode.getElement().getThemeList().add(state.attempt().mode() == Mode.ASSESSMENT ? "badge contrast" : "badge");
        CallTimer timer = new CallTimer(state.elapsedSeconds(), true);
        Div header = new Div(title, mode, new Span("Call time "), timer);
        header.addClassName("call-header");
        add(header);
        companions.forEach(c -> c.beside(state).ifPresent(this::add));

        Div columns = new Div();
        columns.addClassName("call-columns");
        columns.add(leftColumn(s), rightColumn(s));
        add(columns);
        replay();
    }

    private Div leftColumn(Scenario s) {
        Div left = new Div();
        left.addClassName("call-left");
        left.add(new CallerCard(s, state.variant()));
        Checkbox aloud = new Checkbox("Read the caller's lines aloud", readAloud);
        aloud.addValueChangeListener(e -> {
            readAloud = e.getValue();
            directory.setReadAloud(readAloud);
            if (!readAloud) {
                getElement().executeJs("window.speechSynthesis && window.speechSynthesis.cancel()");
            }
        });
        left.add(aloud);
        H2 h = new H2("Transcript");
        left.add(h, transcript);
        if (state.hintsAllowed() && !s.hints().isEmpty()) {
            UnorderedList hints = new UnorderedList();
            s.hints().forEach(x -> hints.add(new ListItem(x)));
            Details d = new Details("Hints (practice only)", hints);
            d.addClassName("call-hints");
            left.add(d);
        }
        return left;
    }

    private Div rightColumn(Scenario s) {
        Div right = new Div();
        right.addClassName("call-right");
        Section conversation = conversationSection();
        Div guided = new Div();
        guided.addClassName("guided");
        // The lists are built only when the trainee chooses them: most calls are taken in their own words, and
        // every question, statement and safety-netting button held for each open call weighed on the server.
        Runnable buildGuided = () -> {
            if (guided.getChildren().findAny().isEmpty()) {
                guided.add(questionSection(s));
                if (!s.statements().isEmpty()) {
                    guided.add(statementSection(s));
                }
                guided.add(safetyNetSection());
                List.copyOf(asked).forEach(this::markAsked);
                List.copyOf(said).forEach(this::markSaid);
            }
        };
        if (!state.ownWordsOnly()) {
            RadioButtonGroup<InputMode> how = new RadioButtonGroup<>("How do you want to take this call?");
            how.setItems(InputMode.values());
            how.setItemLabelGenerator(m -> m == InputMode.CONVERSATION ? "Conversation: type what you would say"
                    : "Guided: choose from a list (does not count as a call in your own words)");
            how.setValue(state.attempt().inputMode());
            how.addClassName("input-mode");
            how.addValueChangeListener(e -> {
                if (e.isFromClient() && e.getValue() == InputMode.GUIDED) {
                    calls.useGuided(attemptId);
                }
                boolean talk = e.getValue() == InputMode.CONVERSATION;
                if (!talk) {
                    buildGuided.run();
                }
                conversation.setVisible(talk);
                guided.setVisible(!talk);
            });
            boolean talk = state.attempt().inputMode() == InputMode.CONVERSATION;
            if (!talk) {
                buildGuided.run();
            }
            conversation.setVisible(talk);
            guided.setVisible(!talk);
            right.add(how, conversation, guided);
        } else {
            // Assessment and shift: no list to recognise from; safety-netting is said, not ticked.
            right.add(conversation);
        }
        right.add(routeSection(), noteSection());
        Button end = new Button("End call", VaadinIcon.PHONE.create(), e -> confirmEnd());
        end.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        end.addClassName("end-call");
        right.add(end);
        return right;
    }

    private UtteranceField utterance;

    private Section conversationSection() {
        Section section = section("Ask or say");
        utterance = new UtteranceField("Ask or say", this::sendUtterance);
        utterance.setHelperText("Type what you would say to the caller, in your own words, then press Enter. "
                + "Questions, advice and safety-netting all go here.");
        utterance.setMaxLength(CallService.MAX_UTTERANCE);
        utterance.setWidthFull();
        utterance.addClassName("utterance");
        Button send = new Button(VaadinIcon.PAPERPLANE.create(), e -> utterance.sendFromBrowser());
        send.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        send.setAriaLabel("Send");
        send.setTooltipText("Send (Enter)");
        send.addClassName("send-utterance");
        utterance.setSuffixComponent(send);
        section.add(utterance);
        return section;
    }

    private void sendUtterance(String text) {
        try {
            CallService.Said said = calls.say(attemptId, text);
            utterance.setInvalid(false);
            show(said.event());
            speak(said.reply());
        } catch (CallEndedException e) {
            UI.getCurrent().navigate(afterEnd());
        } catch (IllegalArgumentException e) {
            utterance.setErrorMessage(e.getMessage());
            utterance.setInvalid(true);
            utterance.focus();
        }
    }

    private Section questionSection(Scenario s) {
        Section section = section("Ask the caller");
        TextField search = new TextField();
        search.setLabel("Find a question");
        search.setHelperText("Type a word, e.g. pain, to narrow the list");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.EAGER);
        search.setWidthFull();
        section.add(search);
        // One list in alphabetical order, with no topic headings: the page never tells which questions are
        // red-flag screens.
        Map<String, Div> groups = new LinkedHashMap<>();
        List<Scenario.Question> ordered = s.questions().stream()
                .sorted(Comparator.comparing((Scenario.Question q) -> q.text().toLowerCase(Locale.ROOT))).toList();
        for (Scenario.Question q : ordered) {
            Div group = groups.computeIfAbsent("all", topic -> {
                Div g = new Div();
                g.addClassName("question-group");
                return g;
            });
            Button b = new Button(q.text(), e -> ask(q));
            b.addClassName("question-button");
            b.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            group.add(b);
            questionButtons.put(q.id(), b);
        }
        groups.values().forEach(section::add);
        search.addValueChangeListener(e -> {
            String f = e.getValue().strip().toLowerCase(Locale.ROOT);
            groups.values().forEach(g -> {
                boolean any = false;
                for (var c : g.getChildren().toList()) {
                    if (c instanceof Button b) {
                        boolean show = f.isEmpty() || b.getText().toLowerCase(Locale.ROOT).contains(f);
                        b.setVisible(show);
                        any |= show;
                    }
                }
                g.setVisible(any);
            });
        });
        return section;
    }

    private Section statementSection(Scenario s) {
        Section section = section("Say to the caller");
        for (Scenario.Statement st : s.statements()) {
            Button b = new Button("\u201C" + st.text() + "\u201D", e -> {
                CallEvent saved = save(new CallAction.Say(st.id(), null));
                if (saved != null) {
                    show(saved);
                }
            });
            b.addClassName("statement-button");
            b.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            section.add(b);
        }
        return section;
    }

    private Section routeSection() {
        Section section = section("Route");
        routes = new RadioButtonGroup<>("Where should this caller go?");
        routes.setItems(state.catalogue().services());
        // The practice's own name for the service where it has one: trainees learn their local directory.
        // The practice's own name stands for the catalogue's where it has one (no name said twice).
        routes.setItemLabelGenerator(r -> local.containsKey(r.id())
                ? local.get(r.id()).name() + " \u2014 " + r.timeframe()
                : r.name() + " \u2014 " + r.timeframe());
        routes.addClassName("route-picker");
        Button give = new Button("Give this route", e -> {
            Catalogue.Route r = routes.getValue();
            if (r == null) {
                routes.setErrorMessage("Choose a route first.");
                routes.setInvalid(true);
                return;
            }
            routes.setInvalid(false);
            CallEvent saved = save(new CallAction.ChooseRoute(r.id(), null));
            if (saved != null) {
                show(saved);
            }
        });
        give.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        routeGiven.addClassName("route-given");
        section.add(routes, give, routeGiven);
        if (state.shift() != null) {
            Paragraph about = new Paragraph("Queue busy and the request can wait? Offer to ring the caller back later "
                    + "today. This ends the call; a call-back for anything that cannot wait is under-triage.");
            about.addClassName("call-back-help");
            Button callBack = new Button("Offer a call-back and end the call", VaadinIcon.PHONE_LANDLINE.create(),
                    e -> confirmCallBack());
            callBack.addClassName("offer-call-back");
            section.add(about, callBack);
        }
        return section;
    }

    private Section safetyNetSection() {
        Section section = section("Safety-netting");
        section.add(new Paragraph("Say what applies to this caller; each is added to the call as you say it."));
        for (Catalogue.SafetyNetStep step : state.catalogue().safetyNetting().values()) {
            Button b = new Button(step.name() + ": \u201C" + step.wording() + "\u201D", e -> {
                CallEvent saved = save(new CallAction.SafetyNet(step.id(), null));
                if (saved != null) {
                    show(saved);
                }
            });
            b.addClassName("safety-net-button");
            b.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            stepButtons.put(step.id(), b);
            section.add(b);
        }
        return section;
    }

    private static final DateTimeFormatter SAVED_AT = DateTimeFormatter.ofPattern("HH:mm:ss");
    private TextArea note;
    private RadioButtonGroup<Integer> confidence;

    private Section noteSection() {
        Section section = section("Note and confidence");
        note = new TextArea("Call note");
        note.setHelperText("What the caller said, red flags asked about, the route given and the advice. Saved as you type.");
        note.setMaxLength(CallService.MAX_NOTE);
        note.setWidthFull();
        note.setMinHeight("8em");
        note.setValueChangeMode(ValueChangeMode.LAZY);
        note.setValueChangeTimeout(800);
        note.addValueChangeListener(e -> {
            if (e.isFromClient() && save(new CallAction.WriteNote(e.getValue(), null)) != null) {
                noteSaved.setText("Note saved at " + SAVED_AT.format(clock.instant().atZone(UkTime.ZONE)));
            }
        });
        noteSaved.addClassName("note-saved");
        noteSaved.getElement().setAttribute("aria-live", "polite");
        confidence = new RadioButtonGroup<>("How confident are you in your routing decision?");
        confidence.setItems(1, 2, 3, 4, 5);
        confidence.setItemLabelGenerator(i -> switch (i) {
            case 1 -> "1 (guessing)";
            case 5 -> "5 (certain)";
            default -> String.valueOf(i);
        });
        confidence.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                save(new CallAction.RateConfidence(e.getValue(), null));
            }
        });
        section.add(note, noteSaved, confidence);
        return section;
    }

    private String routeName(Catalogue.Route r) {
        ServiceDirectory.LocalService l = local.get(r.id());
        return l == null ? r.name() : l.name() + (l.contact() == null ? "" : " (" + l.contact() + ")");
    }

    private static Section section(String heading) {
        Section s = new Section();
        s.addClassName("call-section");
        H2 h = new H2(heading);
        s.add(h);
        return s;
    }

    private void ask(Scenario.Question q) {
        CallEvent saved = save(new CallAction.Ask(q.id(), null));
        if (saved != null) {
            show(saved);
            speak(q.answerFor(state.attempt().variantId()));
        }
    }

    private void markAsked(String questionId) {
        asked.add(questionId);
        Button b = questionButtons.get(questionId);
        if (b != null) {
            b.setEnabled(false);
            b.addClassName("asked");
            b.setAriaLabel(b.getText() + " (asked)");
        }
    }

    private void markSaid(String stepId) {
        said.add(stepId);
        Button b = stepButtons.get(stepId);
        if (b != null) {
            b.addClassName("said");
            b.setIcon(VaadinIcon.CHECK.create());
            b.setAriaLabel(b.getText() + " (said)");
        }
    }

    private void speak(String text) {
        if (readAloud) {
            getElement().executeJs("""
                    if (window.speechSynthesis) {
                      const u = new SpeechSynthesisUtterance($0); u.lang = 'en-GB'; window.speechSynthesis.speak(u);
                    }""", text);
        }
    }

    /** Saves a step; on failure tells the trainee and returns null. */
    private CallEvent save(CallAction action) {
        try {
            return calls.record(attemptId, action);
        } catch (CallEndedException e) {
            UI.getCurrent().navigate(afterEnd());
            return null;
        } catch (IllegalArgumentException e) {
            Notification n = Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE);
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
            return null;
        }
    }

    /** Rebuilds the transcript and every control from the saved steps: a resumed call looks as it was left. */
    private void replay() {
        Scenario s = state.scenario();
        transcript.caller(s.caller().name(), state.opening());
        if (state.events().size() > 0) {
            transcript.system("Call resumed: every step you took is kept.");
        }
        for (CallEvent e : state.events()) {
            show(e);
            switch (e.kind()) {
                case "note" -> note.setValue(e.content() == null ? "" : e.content());
                case "confidence" -> confidence.setValue(Integer.parseInt(e.content()));
                default -> { }
            }
        }
        if (state.events().isEmpty()) {
            speak(state.opening());
        }
    }

    /** Adds a saved step to the transcript and marks the controls it used; the same for a live step and a replayed one. */
    private void show(CallEvent e) {
        Scenario s = state.scenario();
        Turn.of(e, s, state.catalogue(), state.attempt().variantId(), this::routeName).ifPresent(t -> {
            transcript.you(t.you(), t.heardAs());
            if (t.caller() != null) {
                transcript.caller(s.caller().name(), t.caller());
            }
        });
        switch (e.kind()) {
            case "ask" -> markAsked(e.content());
            case "safety_net" -> markSaid(e.content());
            case "route" -> {
                Catalogue.Route r = state.catalogue().routes().get(e.content());
                if (r != null) {
                    routeGiven.setText("Route given: " + routeName(r));
                    routes.setValue(r);
                }
            }
            default -> { }
        }
    }

    private void confirmEnd() {
        boolean routed = !routeGiven.getText().isEmpty();
        String next = state.shift() != null ? "you go back to the queue (the debrief is in the shift report)"
                : "you will see the debrief";
        InertConfirm.open(this, "End the call?", routed
                ? "Your call will be marked now and " + next + ". You cannot change it afterwards."
                : "You have not given the caller a route yet. End the call anyway? It will be marked as it stands.",
                "Back to the call", "End call", () -> {
                    calls.end(attemptId);
                    UI.getCurrent().navigate(afterEnd());
                });
    }

    private void confirmCallBack() {
        InertConfirm.open(this, "Offer a call-back?", "You promise to ring " + state.scenario().caller().name()
                + " back later today, and the call ends now. It will be marked with the call-back as its route.",
                "Back to the call", "Offer the call-back", () -> {
                    try {
                        calls.offerCallBack(attemptId);
                    } catch (CallEndedException ended) {
                        // Ended in another tab: nothing more to do here.
                    }
                    UI.getCurrent().navigate(afterEnd());
                });
    }

    /** The debrief of a single call; back to the shift for a call answered in one. */
    private String afterEnd() {
        return companions.stream().map(c -> c.afterEnd(state)).flatMap(Optional::stream).findFirst()
                .orElse("attempt/" + attemptId);
    }

}
