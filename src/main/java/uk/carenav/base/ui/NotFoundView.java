package uk.carenav.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/**
 * An address that leads nowhere the user may go (no such page, or a trainee, call or practice outside their
 * scope): the same frame as every page, a heading, a title and a way home, never the framework's raw text.
 */
@PageTitle("Page not found | CareNav Trainer")
@ParentLayout(MainLayout.class)
@PermitAll
public class NotFoundView extends Main implements HasErrorParameter<NotFoundException> {

    private final Paragraph why = new Paragraph();

    NotFoundView() {
        addClassName("page");
        add(new H1("Page not found"), why, new Anchor("", "Go to your home page"));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        String custom = parameter.hasCustomMessage() ? parameter.getCustomMessage() : "";
        why.setText((custom.isBlank() ? "There is nothing at this address" : custom)
                + ". It may have moved, or it is outside the practices or area you work with.");
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
