package uk.carenav.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/** Shown instead of a page the user's role may not open: nothing of that page is rendered. */
@PageTitle("Access denied | CareNav Trainer")
@PermitAll
public class AccessDeniedView extends Main implements HasErrorParameter<AccessDeniedException> {

    AccessDeniedView() {
        addClassName("access-denied");
        add(new H1("Access denied"),
                new Paragraph("Your role does not allow you to open this page. If you need it for your work, ask your administrator."),
                new Anchor("", "Go to your home page"));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
