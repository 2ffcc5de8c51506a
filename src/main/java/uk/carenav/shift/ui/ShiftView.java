package uk.carenav.shift.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Optional;
import uk.carenav.base.UkTime;
import uk.carenav.base.ui.InertConfirm;
import uk.carenav.scenario.ShiftDefinition;
import uk.carenav.shift.ShiftNow;
import uk.carenav.shift.ShiftReport;
import uk.carenav.shift.ShiftService;
import uk.carenav.shift.ShiftSummary;

/**
 * A reception shift: choose one and start it, then answer callers from the queue one at a time until the time is
 * up. A closed browser or a restart loses nothing: the shift resumes with the queue as it was left.
 */
@Route("shift")
@PageTitle("Shift | CareNav Trainer")
@Menu(title = "Shift", order = 2, icon = "vaadin:phone")
@RolesAllowed("TRAINEE")
public class ShiftView extends Main implements BeforeEnterObserver {

    private final ShiftService shifts;
    private String shiftId;
    private Button answer;
    private Button backToCall;
    private Button end;
    private final Paragraph welcomeBack = new Paragraph();

    ShiftView(ShiftService shifts) {
        this.shifts = shifts;
        addClassNames("page", "shift-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        add(new H1("Shift"));
        Optional<String> current = shifts.current();
        if (current.isPresent()) {
            ShiftNow now = shifts.now(current.get());
            if (now.ended()) {
                event.forwardTo("shift/" + now.shiftId() + "/report");
                return;
            }
            showShift(now);
        } else {
            showChoice();
        }
    }

    private void showChoice() {
        add(new Paragraph("A shift is a run of calls against the clock, as at 8am on a Monday: callers queue, you see "
                + "only how many are waiting and for how long, and you answer them one at a time in your own words. "
                + "Callers who wait too long hang up, and some ring back. One or two hide a red flag behind an ordinary "
                + "request. At the end, a report shows what the queue did to your safety."));
        for (ShiftDefinition d : shifts.definitions()) {
            Div card = new Div();
            card.addClassName("shift-card");
            H2 title = new H2(d.title());
            Paragraph summary = new Paragraph(d.summary());
            Paragraph meta = new Paragraph(d.minutes() + " minutes, " + d.callerCount() + " callers. A caller with a red "
                    + "flag must be routed safely within " + ShiftReport.clock(d.redFlagRouteWithinSeconds())
                    + " of joining the queue.");
            meta.addClassName("shift-meta");
            Button start = new Button("Start: " + d.title(), VaadinIcon.PLAY.create(), e -> {
                shifts.start(d.id());
                UI.getCurrent().navigate(ShiftView.class);
            });
            start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            card.add(title, summary, meta, start);
            add(card);
        }
        List<ShiftSummary> past = shifts.myShifts();
        if (!past.isEmpty()) {
            add(new H2("Your shifts"));
            UnorderedList list = new UnorderedList();
            list.addClassName("past-shifts");
            for (ShiftSummary s : past) {
                String result = s.passed() == null ? "not finished" : s.passed() ? "passed" : "not passed";
                ListItem item = new ListItem();
                if (s.ended()) {
                    item.add(new Anchor("shift/" + s.id() + "/report", s.title() + ", " + UkTime.dateTime(s.startedAt())));
                } else {
                    item.add(new Span(s.title() + ", " + UkTime.dateTime(s.startedAt())));
                }
                Span badge = new Span(result);
                badge.getElement().getThemeList().add(Boolean.TRUE.equals(s.passed()) ? "badge success"
                        : s.passed() == null ? "badge" : "badge error");
                item.add(new Span(" "), badge);
                list.add(item);
            }
            add(list);
        }
    }

    private void showShift(ShiftNow first) {
        shiftId = first.shiftId();
        add(new Paragraph(first.title() + ". Answer the caller who has waited longest; route them safely; end the call "
                + "to take the next. A non-urgent request can be offered a call-back from inside the call."));
        welcomeBack.addClassName("welcome-back");
        welcomeBack.getElement().setAttribute("role", "status");
        if (first.pausedSeconds() > 0) {
            welcomeBack.setText("Welcome back. The shift was held while you were away ("
                    + ShiftReport.clock(first.pausedSeconds()) + "): the queue carries on from "
                    + ShiftReport.clock(first.seconds()) + ", as you left it.");
        }
        add(welcomeBack);
        answer = new Button("Answer the next caller", VaadinIcon.PHONE.create(), e -> answerNext());
        answer.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        answer.addClassName("answer-next");
        backToCall = new Button("Back to your call", VaadinIcon.ARROW_RIGHT.create(), e -> {
            String call = shifts.answerNext(shiftId);
            UI.getCurrent().navigate("call/" + call);
        });
        backToCall.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        end = new Button("End shift", e -> confirmEnd());
        end.addThemeVariants(ButtonVariant.LUMO_ERROR);
        end.addClassName("end-shift");
        QueuePanel queue = new QueuePanel(shifts, shiftId, "Callers waiting", this::update);
        Div actions = new Div(answer, backToCall, end);
        actions.addClassName("shift-actions");
        add(queue, actions);
    }

    private void update(ShiftNow now) {
        if (now.ended()) {
            UI.getCurrent().navigate("shift/" + now.shiftId() + "/report");
            return;
        }
        boolean inCall = now.callInProgress() != null;
        backToCall.setVisible(inCall);
        answer.setVisible(!inCall);
        answer.setEnabled(!now.timeUp() && !now.waiting().isEmpty());
        answer.setText(now.timeUp() ? "The queue has closed" : now.waiting().isEmpty() ? "Nobody is waiting"
                : "Answer the next caller");
    }

    private void answerNext() {
        try {
            String call = shifts.answerNext(shiftId);
            UI.getCurrent().navigate("call/" + call);
        } catch (IllegalStateException e) {
            Notification n = Notification.show(e.getMessage(), 5000, Notification.Position.MIDDLE);
            n.addThemeVariants(NotificationVariant.LUMO_CONTRAST);
        }
    }

    private void confirmEnd() {
        InertConfirm.open(this, "End the shift now?", "Callers still waiting are left unanswered, and a caller with a "
                + "red flag who has not been routed counts against you. You will see the shift report.",
                "Back to the shift", "End shift", () -> {
                    try {
                        shifts.end(shiftId);
                        UI.getCurrent().navigate("shift/" + shiftId + "/report");
                    } catch (IllegalStateException ex) {
                        Notification.show(ex.getMessage(), 5000, Notification.Position.MIDDLE);
                    }
                });
    }
}
