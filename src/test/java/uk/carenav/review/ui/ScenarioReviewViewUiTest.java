package uk.carenav.review.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.carenav.UiTest;
import uk.carenav.review.ReviewStatus;
import uk.carenav.review.ScenarioReviews;
import uk.carenav.scenario.Catalogue;

/** A clinical reviewer reads a version whole and records a decision; an administrator can read but not decide. */
class ScenarioReviewViewUiTest extends UiTest {

    private static final String ID = "impetigo-crusty-sores";

    @Autowired
    ScenarioReviews reviews;

    @Test
    void aReviewerRequestsChangesWithCommentsThenApproves() {
        signIn("reviewer1");
        UI.getCurrent().navigate("review/" + ID);
        assertThat(_get(H1.class).getText()).startsWith("Review: ");
        assertThat(_find(Paragraph.class).stream().map(Paragraph::getText))
                .anyMatch(t -> t.startsWith("Urgency: ") && t.contains("Correct: "))
                .anyMatch(t -> t.startsWith("Must ask: "));

        _click(_get(Button.class, spec -> spec.withText("Request changes")));
        TextArea comments = _get(TextArea.class, spec -> spec.withLabel("Comments"));
        assertThat(comments.isInvalid()).isTrue();
        assertThat(comments.getErrorMessage()).contains("Say what must change");
        assertThat(reviews.version(ID).orElseThrow().status()).isEqualTo(ReviewStatus.APPROVED);

        _setValue(comments, "child: say when to call back if the sores spread or a fever starts.");
        _click(_get(Button.class, spec -> spec.withText("Request changes")));
        assertThat(reviews.version(ID).orElseThrow().status()).isEqualTo(ReviewStatus.CHANGES_REQUESTED);
        assertThat(_find(Paragraph.class).stream().map(Paragraph::getText)).anyMatch(t -> t.contains("status: Changes requested"));

        _click(_get(Button.class, spec -> spec.withText("Approve this version")));
        assertThat(reviews.version(ID).orElseThrow().status()).isEqualTo(ReviewStatus.APPROVED);
    }

    @Test
    void anAdministratorReadsButCannotDecide() {
        signIn("admin");
        UI.getCurrent().navigate("review/" + ID);
        assertThat(_get(H1.class).getText()).startsWith("Review: ");
        assertThat(_find(Button.class, spec -> spec.withText("Approve this version"))).isEmpty();
        assertThat(_find(Paragraph.class).stream().map(Paragraph::getText))
                .contains("Only a clinical reviewer can approve a version or request changes.");
    }

    @Test
    void aReviewerCommentsOnOneVariantAndTheCommentIsKeptWithTheDecision() {
        signIn("reviewer1");
        UI.getCurrent().navigate("review/" + ID);
        TextArea bullous = _get(TextArea.class, spec -> spec.withLabel("Comment on this variant")
                .withPredicate(t -> t.getAriaLabel().orElse("").contains("large fluid-filled blisters")));
        _setValue(bullous, "Say why bullous impetigo is outside Pharmacy First in the caller's words.");
        _click(_get(Button.class, spec -> spec.withText("Request changes")));

        var decision = reviews.version(ID).orElseThrow().latest().orElseThrow();
        assertThat(decision.decision()).isEqualTo(ScenarioReviews.Decided.CHANGES_REQUESTED);
        assertThat(decision.comments()).isEmpty();
        assertThat(decision.variantComments()).containsExactly(
                Map.entry("bullous", "Say why bullous impetigo is outside Pharmacy First in the caller's words."));
        assertThat(_get(Main.class).getElement().getTextRecursively())
                .contains("on Two-year-old with large fluid-filled blisters on the tummy and nappy area: Say why bullous");

        // A variant comment too long to keep is refused at its own field, and nothing is saved.
        int before = reviews.version(ID).orElseThrow().decisions().size();
        TextArea again = _get(TextArea.class, spec -> spec.withLabel("Comment on this variant")
                .withPredicate(t -> t.getAriaLabel().orElse("").contains("three crusty patches")));
        _setValue(again, "x".repeat(2001));
        _click(_get(Button.class, spec -> spec.withText("Approve this version")));
        assertThat(again.isInvalid()).isTrue();
        assertThat(again.getErrorMessage()).contains("under 2000 characters");
        assertThat(reviews.version(ID).orElseThrow().decisions()).hasSize(before);

        _setValue(again, "");
        _click(_get(Button.class, spec -> spec.withText("Approve this version")));
        assertThat(reviews.version(ID).orElseThrow().status()).isEqualTo(ReviewStatus.APPROVED);
    }

    @Test
    void aReviewerTriesTheCallAndNothingIsRecorded(@Autowired JdbcClient jdbc) {
        signIn("reviewer1");
        long attempts = jdbc.sql("select count(*) from attempt").query(Long.class).single();
        long audit = jdbc.sql("select count(*) from audit_event").query(Long.class).single();
        UI.getCurrent().navigate("review/chest-pain-gardening");
        assertThat(_get(Anchor.class, spec -> spec.withText("Try this call (nothing is recorded)")).getHref())
                .isEqualTo("review/chest-pain-gardening/try");
        UI.getCurrent().navigate("review/chest-pain-gardening/try");
        assertThat(_get(H1.class).getText()).isEqualTo("Try: Chest pain after gardening");

        TextField ask = _get(TextField.class,
                spec -> spec.withLabel("Ask or say"));
        for (String line : List.of("does the pain go down your arm or into your jaw?", "are you sweaty or short of breath?",
                "stay on the line with me while I get help")) {
            _setValue(ask, line);
            _click(_get(Button.class, spec -> spec.withText("Say it")));
        }
        String transcript = _get(Div.class, spec -> spec.withClasses("transcript"))
                .getElement().getTextRecursively();
        assertThat(transcript).contains("You: does the pain go down your arm or into your jaw? \u2014 heard as: Is the pain in the middle")
                .contains("going down my left arm");
        @SuppressWarnings("unchecked")
        Select<Catalogue.Route> route =
                _get(Select.class, spec -> spec.withLabel("Route"));
        route.setValue(route.getListDataView().getItems().filter(r -> r.id().equals("routine-gp")).findFirst().orElseThrow());
        _click(_get(Button.class, spec -> spec.withText("Give this route")));
        _click(_get(Button.class, spec -> spec.withText("End the call and score it")));

        String card = _get(Pre.class).getText();
        assertThat(card).contains("Routine GP appointment (under-triage)").contains("FAIL");
        assertThat(jdbc.sql("select count(*) from attempt").query(Long.class).single()).isEqualTo(attempts);
        assertThat(jdbc.sql("select count(*) from audit_event").query(Long.class).single()).isEqualTo(audit);
    }

    @Test
    void aTraineeCannotOpenTheTryPage() {
        signIn("trainee1");
        UI.getCurrent().navigate("review/chest-pain-gardening/try");
        assertThat(_find(H1.class).stream().map(H1::getText)).noneMatch(t -> t.startsWith("Try: "));
    }
}
