package uk.carenav.competency.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.textfield.TextArea;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.carenav.UiTest;
import uk.carenav.call.CallService;
import uk.carenav.call.Mode;
import uk.carenav.scenario.CallAction;

/** A supervisor reviews a trainee's call: it speaks of the trainee by name, and each finding links its own source. */
class CallReviewViewUiTest extends UiTest {

    @Autowired
    CallService calls;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theReviewNamesTheTraineeAndSpeaksToTheSupervisor() {
        signIn("trainee1");
        String id = calls.start("chest-pain-gardening", Mode.PRACTICE);
        calls.say(id, "any pain going down your arm?");
        calls.record(id, new CallAction.ChooseRoute("routine-gp", null));
        calls.end(id);
        long trainee = jdbc.sql("select id from staff_member where username = 'trainee1'").query(Long.class).single();
        String name = jdbc.sql("select display_name from staff_member where username = 'trainee1'").query(String.class).single();

        signIn("supervisor1");
        UI.getCurrent().navigate("trainees/" + trainee + "/calls/" + id);
        assertThat(_get(H1.class).getText()).isEqualTo("Call review: " + name);
        String page = _get(Main.class).getElement().getTextRecursively();
        assertThat(page).contains("What they did: ").doesNotContain("What you did")
                .contains(name + "'s call, step by step").contains(name + ": \u201Cany pain going down your arm?\u201D")
                .doesNotContain("Your call, step by step");
        assertThat(_find(Anchor.class)).extracting(Anchor::getHref).contains("https://www.nhs.uk/conditions/heart-attack/");
        assertThat(_get(TextArea.class, spec -> spec.withLabel("Comment for " + name))).isNotNull();
    }
}
