package uk.carenav.security.ui;

import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.springframework.beans.factory.annotation.Value;

/** The sign-in page. Failures get one generic message that never says which part was wrong. */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in | CareNav Trainer")
@AnonymousAllowed
public class LoginView extends Main implements BeforeEnterObserver {

    private final LoginForm form = new LoginForm();
    private final AuthenticationContext authenticationContext;

    LoginView(AuthenticationContext authenticationContext, @Value("${carenav.demo-data:false}") boolean demoData) {
        this.authenticationContext = authenticationContext;
        addClassName("login-view");

        // The login form's own "Sign in" title is the page's level-1 heading; the app name is a banner.
        Paragraph title = new Paragraph("CareNav Trainer");
        title.addClassName("login-app-name");
        Paragraph intro = new Paragraph("Training and sign-off for care navigators in general practice.");
        intro.addClassName("login-intro");

        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Sign in");
        i18n.getForm().setUsername("Username");
        i18n.getForm().setSubmit("Sign in");
        i18n.getErrorMessage().setTitle("Sign-in failed");
        i18n.getErrorMessage().setMessage(
                "The username or password is not right, or the account is not active. After several failed attempts, "
                + "sign-in is paused for a while. Try again later, or ask your administrator.");
        form.setI18n(i18n);
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);

        add(title, intro, form);
        if (demoData) {
            Paragraph demo = new Paragraph("Demo accounts: trainee1 to trainee6, supervisor1, supervisor2, lead1 and admin, "
                    + "all with the password carenav-demo. Demo data only: never for real staff.");
            demo.addClassName("login-demo-note");
            add(demo);
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (authenticationContext.isAuthenticated()) {
            event.forwardTo("");
            return;
        }
        boolean failed = event.getLocation().getQueryParameters().getParameters().containsKey("error");
        form.setError(failed);
        // After a failed sign-in the username is put back, so only the password needs typing again. It is kept
        // in this browser tab only (session storage): a failed sign-in creates no server session, and a
        // username in the address would end up in logs.
        form.getElement().executeJs("""
                const key = 'carenav-username';
                if (!this.__carenavRemember) {
                  this.__carenavRemember = true;
                  this.addEventListener('login', e => sessionStorage.setItem(key, e.detail.username || ''));
                }
                const last = sessionStorage.getItem(key);
                if ($0 && last) {
                  const fill = (tries) => {
                    const field = this.querySelector('vaadin-text-field[name="username"]')
                        || this.querySelector('[name="username"]');
                    if (field) { field.value = last; } else if (tries > 0) { requestAnimationFrame(() => fill(tries - 1)); }
                  };
                  fill(60);
                }""", failed);
    }
}
