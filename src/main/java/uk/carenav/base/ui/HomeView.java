package uk.carenav.base.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import com.vaadin.flow.component.html.Div;

/** "/" sends each user to their role's home page; signing in lands here. */
@Route(value = "", autoLayout = false)
@PermitAll
public class HomeView extends Div implements BeforeEnterObserver {

    private final AuthenticationContext authenticationContext;

    HomeView(AuthenticationContext authenticationContext) {
        this.authenticationContext = authenticationContext;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.forwardTo(homeFor(authenticationContext));
    }

    /** The home route of the user's most specific role. */
    static String homeFor(AuthenticationContext auth) {
        if (auth.hasRole("ADMIN")) {
            return "admin";
        }
        if (auth.hasRole("SERVICE_LEAD")) {
            return "coverage";
        }
        if (auth.hasRole("SUPERVISOR")) {
            return "trainees";
        }
        if (auth.hasRole("CLINICAL_REVIEWER")) {
            return "review";
        }
        if (auth.hasRole("TRAINEE")) {
            return "training";
        }
        return "no-role";
    }
}
