package uk.carenav.base.ui;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import uk.carenav.base.SignedInUser;

/**
 * The frame around every signed-in page: the navigation lists only the pages the user may open
 * (Vaadin filters the menu through the same access rules as navigation).
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    static final String MAIN_CONTENT = "main-content";

    private final Span pageTitle = new Span();

    MainLayout(AuthenticationContext authenticationContext, SignedInUser signedIn) {
        setPrimarySection(Section.DRAWER);
        SignedInUser.Badge me = signedIn.badge();

        Span appName = new Span("CareNav Trainer");
        appName.addClassName("app-name");

        SideNav nav = new SideNav();
        nav.getElement().setAttribute("aria-label", "Main navigation");
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = new SideNavItem(entry.title(), entry.path());
            if (entry.icon() != null) {
                item.setPrefixComponent(new Icon(entry.icon()));
            }
            nav.addItem(item);
        }

        Div user = new Div();
        user.addClassName("signed-in-user");
        Span name = new Span(me.name());
        name.addClassName("user-name");
        Span roles = new Span(me.detail());
        roles.addClassName("user-detail");
        Button signOut = new Button("Sign out", new Icon(VaadinIcon.SIGN_OUT), e -> authenticationContext.logout());
        signOut.setAriaLabel("Sign out of CareNav Trainer");
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        user.add(name, roles, signOut);

        Div drawer = new Div(appName, new Scroller(nav), user);
        drawer.addClassName("drawer-content");
        addToDrawer(drawer);

        // First in the tab order on every page: straight past the navigation to the page itself.
        Anchor skip = new Anchor("#" + MAIN_CONTENT, "Skip to main content");
        skip.addClassName("skip-link");
        skip.getElement().setAttribute("router-ignore", true);
        // Move focus itself: the router would otherwise treat the fragment as a navigation and keep focus here.
        skip.getElement().executeJs("this.addEventListener('click', e => { const m = document.getElementById($0);"
                + " if (m) { e.preventDefault(); m.focus(); } })", MAIN_CONTENT);
        addToNavbar(false, skip);

        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel("Show or hide the navigation");
        addToNavbar(true, toggle, pageTitle);
    }

    /** The page's content is the skip link's target: focusable by script only, so the link moves focus to it. */
    @Override
    public void showRouterLayoutContent(HasElement content) {
        super.showRouterLayoutContent(content);
        content.getElement().setAttribute("id", MAIN_CONTENT);
        content.getElement().setAttribute("tabindex", "-1");
    }

    /** Shows the current page's name in the top bar, for narrow screens where the drawer is hidden. */
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        String title = MenuConfiguration.getPageHeader(getContent()).orElse("");
        pageTitle.setText(title.replace(" | CareNav Trainer", ""));
        pageTitle.addClassName("navbar-title");
    }
}
