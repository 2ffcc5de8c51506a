package uk.carenav.base.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** For an account that has no role yet: says so rather than showing an empty frame. */
@Route(value = "no-role", autoLayout = false)
@PageTitle("No role | CareNav Trainer")
@PermitAll
public class NoRoleView extends Main {

    NoRoleView() {
        add(new H1("No role assigned"),
                new Paragraph("Your account has no role in CareNav Trainer yet. Ask your administrator to give you one."));
    }
}
