package uk.carenav.call.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import uk.carenav.UiTest;
import uk.carenav.base.ui.TranscriptPanel;
import uk.carenav.call.FixedVariant;
import uk.carenav.call.InputMode;
import uk.carenav.call.UtteranceMisses;
import uk.carenav.scenario.Catalogue;

@Import(FixedVariant.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class CallViewUiTest extends UiTest {

    @Test
    @SuppressWarnings("unchecked")
    void aTraineeTakesAWholeCallAndSeesTheDebrief() {
        signIn("trainee4");
        UI.getCurrent().navigate("training");
        startFromMyTraining("Practise: Chest pain after gardening");
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(CallView.class);
        assertThat(_get(H1.class).getText()).isEqualTo("Call: Chest pain after gardening");
        // A practice call starts as a conversation; the list is there only when the trainee asks for it.
        assertThat(_find(Button.class, spec -> spec.withClasses("question-button"))).isEmpty();
        _setValue(_get(RadioButtonGroup.class, spec -> spec.withLabel("How do you want to take this call?")),
                InputMode.GUIDED);
        // The list carries no topic headings: nothing says which questions are red-flag screens.
        assertThat(_find(H3.class)).isEmpty();
        assertThat(_get(Main.class).getElement().getTextRecursively()).doesNotContain("Red flags");

        _click(_get(Button.class, spec -> spec.withText("Where exactly is the pain, and what is it like?")));
        _click(_get(Button.class, spec -> spec.withText(
                "Is the pain in the middle of the chest, heavy or crushing, or spreading to the arm, jaw, neck or back?")));
        _click(_get(Button.class, spec -> spec.withText(
                "Along with the pain, are you short of breath, sweating, or feeling sick or light-headed?")));
        String transcript = _get(TranscriptPanel.class).getElement().getTextRecursively();
        assertThat(transcript).contains("like something sitting on it", "going down my left arm", "I look grey");

        RadioButtonGroup<Catalogue.Route> routes = _get(RadioButtonGroup.class,
                spec -> spec.withLabel("Where should this caller go?"));
        routes.setValue(routes.getListDataView().getItems().filter(r -> r.id().equals("emergency-999")).findFirst().orElseThrow());
        _click(_get(Button.class, spec -> spec.withText("Give this route")));
        _click(_get(Button.class, spec -> spec.withClasses("safety-net-button").withPredicate(b -> b.getText().startsWith("Stay on the line"))));
        _click(_get(Button.class, spec -> spec.withClasses("safety-net-button").withPredicate(b -> b.getText().startsWith("Record the call"))));
        _setValue(_get(TextArea.class, spec -> spec.withLabel("Call note")),
                "Central chest pain spreading to left arm, sweaty. Told to call 999 now.");
        RadioButtonGroup<Integer> confidence = _get(RadioButtonGroup.class,
                spec -> spec.withLabel("How confident are you in your routing decision?"));
        _setValue(confidence, 5);

        _click(_get(Button.class, spec -> spec.withText("End call")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));

        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(DebriefView.class);
        assertThat(_get(H1.class).getText()).isEqualTo("Call debrief");
        assertThat(_get(BandBadge.class, spec -> spec.withClasses("band-badge")).getText()).isEqualTo("High Compliance");
        assertThat(_find(Button.class, spec -> spec.withText("Try this call again"))).hasSize(1);
        assertThat(_get(Main.class).getElement().getTextRecursively()).contains("Practice, guided call");

        // My training names each recent call and opens its debrief.
        UI.getCurrent().navigate("training");
        assertThat(_find(Anchor.class, spec -> spec.withText(
                "Chest pain after gardening (practice, guided)"))).singleElement()
                .satisfies(a -> assertThat(a.getHref()).startsWith("attempt/"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAssessmentIsTakenByTypingWithNoListAndTheDebriefShowsHowEachLineWasHeard() {
        signIn("trainee6");
        UI.getCurrent().navigate("training");
        startFromMyTraining("Assessment: Chest pain after gardening");
        assertThat(_find(Button.class, spec -> spec.withClasses("question-button"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withClasses("statement-button"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withClasses("safety-net-button"))).isEmpty();
        assertThat(_find(RadioButtonGroup.class, spec -> spec.withLabel("How do you want to take this call?"))).isEmpty();
        assertThat(_get(Main.class).getElement().getTextRecursively()).doesNotContain("Red flags");

        TextField ask = _get(TextField.class, spec -> spec.withLabel("Ask or say"));
        say(ask, "wheres the pain?");
        say(ask, "any pain going down your arm or into your jaw?");
        say(ask, "are you short of breath or sweaty?");
        say(ask, "what's your favourite colour");
        String transcript = _get(TranscriptPanel.class).getElement().getTextRecursively();
        assertThat(transcript).contains("You: wheres the pain? \u2014 heard as: Where exactly is the pain, and what is it like?")
                .contains("any pain going down your arm or into your jaw? \u2014 heard as: Is the pain in the middle of the chest")
                .contains("what's your favourite colour \u2014 heard as: nothing the caller could follow")
                .contains("Sorry, what do you mean?");

        RadioButtonGroup<Catalogue.Route> routes = _get(RadioButtonGroup.class,
                spec -> spec.withLabel("Where should this caller go?"));
        routes.setValue(routes.getListDataView().getItems().filter(r -> r.id().equals("emergency-999")).findFirst().orElseThrow());
        _click(_get(Button.class, spec -> spec.withText("Give this route")));
        say(ask, "stay on the line with me, I'm getting help to you now");
        say(ask, "I'm making a note of our conversation on your record");
        _click(_get(Button.class, spec -> spec.withText("End call")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));

        assertThat(_get(H1.class).getText()).isEqualTo("Call debrief");
        String debrief = _get(Main.class).getElement().getTextRecursively();
        assertThat(debrief).contains("Assessment, conversation call")
                .contains("You: \u201Cany pain going down your arm or into your jaw?\u201D \u2014 heard as: Is the pain in the middle")
                .contains("You: \u201Cwhat's your favourite colour\u201D \u2014 heard as: nothing the caller could follow");

        // Authors see what calls could not place, on the Scenario library page.
        signIn("admin");
        UI.getCurrent().navigate("admin/scenarios");
        assertThat(_get(H1.class).getText()).isEqualTo("Scenario library");
        String library = _get(Main.class).getElement().getTextRecursively();
        assertThat(library).contains("What trainees said that calls could not place");
        @SuppressWarnings("unchecked")
        Grid<UtteranceMisses.Miss> misses = _get(
                Grid.class, spec -> spec.withClasses("missed-utterances-grid"));
        assertThat(GridKt._findAll(misses))
                .anySatisfy(m -> {
                    assertThat(m.typed()).isEqualTo("what's your favourite colour");
                    assertThat(m.heard()).isEqualTo("nothing");
                    assertThat(m.title()).isEqualTo("Chest pain after gardening");
                    assertThat(m.at()).matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");
                });
    }

    /** What the browser does on Enter: the line goes to the server and the field is emptied there. */
    private static void say(TextField field, String words) {
        ((UtteranceField) field).say(words);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aResumedCallShowsEveryStepAlreadyTaken() {
        signIn("trainee5");
        UI.getCurrent().navigate("training");
        startFromMyTraining("Assessment: Chest pain after gardening");
        String url = UI.getCurrent().getInternals().getActiveViewLocation().getPath();
        say(_get(TextField.class, spec -> spec.withLabel("Ask or say")), "where exactly is the pain?");

        UI.getCurrent().navigate("training");
        assertThat(_find(Button.class, spec -> spec.withText("Resume: Chest pain after gardening (Assessment)"))).hasSize(1);
        UI.getCurrent().navigate(url);
        assertThat(_get(TranscriptPanel.class).getElement().getTextRecursively())
                .contains("Call resumed", "where exactly is the pain? \u2014 heard as: Where exactly is the pain");
        // A route given before the break is shown as chosen, not only as text.
        RadioButtonGroup<Catalogue.Route> routes = _get(RadioButtonGroup.class,
                spec -> spec.withLabel("Where should this caller go?"));
        routes.setValue(routes.getListDataView().getItems().filter(r -> r.id().equals("emergency-999")).findFirst().orElseThrow());
        _click(_get(Button.class, spec -> spec.withText("Give this route")));
        _setValue(_get(TextArea.class, spec -> spec.withLabel("Call note")), "Chest pain, 999.");
        assertThat(_get(Span.class, spec -> spec.withClasses("note-saved")).getText())
                .matches("Note saved at \\d{2}:\\d{2}:\\d{2}");
        UI.getCurrent().navigate("training");
        UI.getCurrent().navigate(url);
        RadioButtonGroup<Catalogue.Route> resumed = _get(RadioButtonGroup.class,
                spec -> spec.withLabel("Where should this caller go?"));
        assertThat(resumed.getValue()).isNotNull();
        assertThat(resumed.getValue().id()).isEqualTo("emergency-999");
        assertThat(_get(TextArea.class, spec -> spec.withLabel("Call note")).getValue()).isEqualTo("Chest pain, 999.");
        assertThat(UI.getCurrent().getLocale()).isEqualTo(Locale.UK);
        // Assessment calls give no hints.
        assertThat(_find(Details.class, spec -> spec.withClasses("call-hints"))).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theRoutePickerUsesThePracticesOwnServiceNames() {
        signIn("trainee1");
        UI.getCurrent().navigate("training");
        startFromMyTraining("Practise: Chest pain after gardening");
        RadioButtonGroup<Catalogue.Route> routes = _get(RadioButtonGroup.class,
                spec -> spec.withLabel("Where should this caller go?"));
        var labels = routes.getListDataView().getItems().map(r -> routes.getItemLabelGenerator().apply(r)).toList();
        assertThat(labels).contains("Riverside Pharmacy (Pharmacy First)"
                + " \u2014 Today or tomorrow - pharmacist consultation, can supply treatment");
        assertThat(labels).contains("Call 999 (ambulance) now \u2014 Now - call 999 for an ambulance; do not drive",
                "Go to A&E now (someone else drives) \u2014 Now - someone else drives them to the nearest A&E; 999 if they get "
                        + "worse on the way");
    }

    @Test
    void anotherTraineesCallIsNotFound() {
        signIn("trainee6");
        UI.getCurrent().navigate("training");
        startFromMyTraining("Practise: Chest pain after gardening");
        String url = UI.getCurrent().getInternals().getActiveViewLocation().getPath();

        signIn("trainee1");
        UI.getCurrent().navigate(url);
        assertThat(_get(H1.class).getText()).isEqualTo("Call not found");
        assertThat(_find(TranscriptPanel.class)).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void listsChosenPartWayThroughShowWhatWasAlreadyAskedAndSaid() {
        signIn("trainee5");
        UI.getCurrent().navigate("training");
        startFromMyTraining("Practise: Chest pain after gardening");
        String url = UI.getCurrent().getInternals().getActiveViewLocation().getPath();
        TextField ask = _get(TextField.class, spec -> spec.withLabel("Ask or say"));
        say(ask, "wheres the pain?");
        say(ask, "I'm making a note of our conversation on your record");
        // Not built while the call is taken in the trainee's own words.
        assertThat(_find(Button.class, spec -> spec.withClasses("question-button"))).isEmpty();

        _setValue(_get(RadioButtonGroup.class, spec -> spec.withLabel("How do you want to take this call?")),
                InputMode.GUIDED);
        assertGuidedShowsWhatWasDone();

        // The same when the call is opened again: built at once for a guided call, marked from the kept steps.
        UI.getCurrent().navigate("training");
        UI.getCurrent().navigate(url);
        assertGuidedShowsWhatWasDone();
    }

    private static void assertGuidedShowsWhatWasDone() {
        Button where = _get(Button.class, spec -> spec.withText("Where exactly is the pain, and what is it like?"));
        assertThat(where.isEnabled()).isFalse();
        assertThat(where.getAriaLabel()).hasValue("Where exactly is the pain, and what is it like? (asked)");
        assertThat(_find(Button.class, spec -> spec.withClasses("question-button asked"))).hasSize(1);
        assertThat(_get(Button.class, spec -> spec.withClasses("safety-net-button").withPredicate(
                b -> b.getText().startsWith("Record the call"))).hasClassName("said")).isTrue();
        assertThat(_find(Button.class, spec -> spec.withClasses("safety-net-button said"))).hasSize(1);
    }

    /** Opens the Emergency red flags category of My training (its cards are built when opened) and presses a button. */
    private static void startFromMyTraining(String ariaLabel) {
        assertThat(_find(Button.class, spec -> spec.withPredicate(b -> ariaLabel.equals(b.getAriaLabel().orElse(null)))))
                .as("cards of a closed category are not built").isEmpty();
        _get(Details.class, spec -> spec.withPredicate(d -> d.getSummaryText().startsWith("Emergency red flags (")))
                .setOpened(true);
        _click(_get(Button.class, spec -> spec.withPredicate(b -> ariaLabel.equals(b.getAriaLabel().orElse(null)))));
    }
}
