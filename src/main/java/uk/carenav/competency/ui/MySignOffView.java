package uk.carenav.competency.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import uk.carenav.base.UkTime;
import uk.carenav.competency.SignOffService;
import uk.carenav.competency.TraineeStatus;

/** A trainee's own sign-off status and certificate. */
@Route("my-sign-off")
@PageTitle("My sign-off | CareNav Trainer")
@Menu(title = "My sign-off", order = 1.7, icon = "vaadin:diploma")
@RolesAllowed("TRAINEE")
public class MySignOffView extends Main {

    MySignOffView(SignOffService service) {
        addClassName("page");
        add(new H1("My sign-off"));
        SignOffService.MyStatus me = service.myStatus();
        if (me.latest() == null) {
            add(new Paragraph("You have not been signed off yet. Your supervisor signs you off when your assessed calls and "
                    + "observed live calls meet the readiness rule: at least 10 assessed calls in 90 days, a pass in every "
                    + "required category, no critical finding in your last 5, and 2 observed live calls."));
            return;
        }
        var s = me.latest();
        add(TraineesView.statusBadge(me.status()));
        add(new Paragraph("Signed off on " + TraineesView.WHEN.format(s.signedAt().atZone(UkTime.ZONE)) + " by "
                + s.supervisor() + ". Refresher due by " + TraineesView.WHEN.format(s.refresherDue()) + "."));
        if (me.status() == TraineeStatus.REVOKED) {
            add(new Paragraph("This sign-off was revoked on " + TraineesView.WHEN.format(s.revokedAt().atZone(UkTime.ZONE))
                    + ": " + s.revokeReason() + ". Talk to your supervisor about what to do next."));
        } else {
            add(new CertificateLink("Download my certificate (PDF)", "my-care-navigation-certificate.pdf",
                    service::myCertificate));
        }
    }
}
