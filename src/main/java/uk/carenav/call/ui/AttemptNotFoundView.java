package uk.carenav.call.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;
import uk.carenav.call.NoSuchAttemptException;

/** A call id that does not exist or belongs to someone else: the same answer for both. */
@PageTitle("Call not found | CareNav Trainer")
@PermitAll
public class AttemptNotFoundView extends Main implements HasErrorParameter<NoSuchAttemptException> {

    AttemptNotFoundView() {
        addClassName("page");
        add(new H1("Call not found"), new Paragraph("There is no call with that address among your calls."),
                new Anchor("history", "See your call history"));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NoSuchAttemptException> parameter) {
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
