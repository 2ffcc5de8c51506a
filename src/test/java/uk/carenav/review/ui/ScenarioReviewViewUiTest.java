package uk.carenav.review.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.carenav.UiTest;
import uk.carenav.review.ReviewStatus;
import uk.carenav.review.ScenarioReviews;

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
}
