package uk.carenav.shift.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;
import uk.carenav.base.UkTime;
import uk.carenav.call.ui.BandBadge;
import uk.carenav.shift.NoSuchShiftException;
import uk.carenav.shift.ShiftReport;
import uk.carenav.shift.ShiftResult;
import uk.carenav.shift.ShiftService;

/**
 * The shift report: what the queue did to the trainee's safety (answered, abandoned, handling time, each red-flag
 * caller's time from joining the queue to a safe route, screens missed, call-backs) and every call's result, each
 * opening its debrief. For the trainee and for their supervisors.
 */
@Route("shift/:shiftId/report")
@RolesAllowed({"TRAINEE", "SUPERVISOR"})
public class ShiftReportView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final ShiftService shifts;
    private ShiftResult result;

    ShiftReportView(ShiftService shifts) {
        this.shifts = shifts;
        addClassNames("page", "shift-report");
    }

    @Override
    public String getPageTitle() {
        return result == null ? "Shift report | CareNav Trainer" : "Shift report: " + result.shift().title()
                + " | CareNav Trainer";
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("shiftId").orElse("");
        try {
            result = shifts.result(id);
        } catch (NoSuchShiftException e) {
            event.rerouteToError(NotFoundException.class, "No such shift");
            return;
        } catch (IllegalStateException e) {
            event.forwardTo("shift");
            return;
        }
        removeAll();
        build();
    }

    private void build() {
        ShiftResult r = result;
        ShiftReport rep = r.report();
        add(new H1("Shift report"));
        Paragraph about = new Paragraph(r.shift().title() + (r.own() ? "" : ", taken by " + r.traineeName()) + ", "
                + UkTime.dateTime(r.shift().startedAt()) + ".");
        Span verdict = new Span(rep.passed() ? "Passed" : "Not passed");
        verdict.getElement().getThemeList().add(rep.passed() ? "badge success primary" : "badge error primary");
        verdict.addClassName("shift-verdict");
        about.add(new Span(" "), verdict);
        add(about);
        add(new Paragraph(r.own() ? new Anchor("shift", "Back to Shift")
                : new Anchor("trainees/" + r.shift().traineeId(), "Back to the trainee's record")));

        add(new H2("What the queue did to your safety"));
        if (rep.passed()) {
            add(new Paragraph("Every caller with a red flag was routed safely within " + ShiftReport.clock(
                    rep.redFlagRouteWithinSeconds()) + " of joining the queue, and no call failed on a critical item."));
        } else {
            add(new Paragraph("A shift passes only if every caller with a red flag is routed safely within "
                    + ShiftReport.clock(rep.redFlagRouteWithinSeconds()) + " of joining the queue and no call fails on a "
                    + "critical item. This one did not, because:"));
            UnorderedList why = new UnorderedList();
            why.addClassName("failed-because");
            rep.failedBecause().forEach(w -> why.add(new ListItem(w)));
            add(why);
        }

        Table measures = new Table("The shift in figures", List.of("Measure", "Value"));
        measures.row("Callers", rep.callers());
        measures.row("Calls answered", rep.answered());
        measures.row("Hung up while waiting (abandoned)", rep.abandoned()
                + (rep.abandoned() > 0 ? " (" + rep.rangBack() + " rang back)" : ""));
        measures.row("Hung up and did not ring back", rep.hungUpForGood());
        measures.row("Still waiting when the queue closed", rep.leftWaiting());
        if (rep.neverRang() > 0) {
            measures.row("Had not rung yet (shift ended early)", rep.neverRang());
        }
        measures.row("Mean handling time", rep.meanHandlingSeconds() == null ? "no call finished"
                : ShiftReport.clock(rep.meanHandlingSeconds()));
        measures.row("Red flags missed", rep.redFlagCalls().stream().filter(c -> !c.inTime()).count()
                + " of " + rep.redFlagCalls().size() + " callers; " + rep.missedScreens().size() + " screen"
                + (rep.missedScreens().size() == 1 ? "" : "s") + " not asked before routing");
        measures.row("Call-backs offered", rep.callBacks().size() + (rep.callBacks().isEmpty() ? ""
                : " (" + rep.callBacks().stream().filter(ShiftReport.CallBack::safe).count() + " safe)"));
        if (r.pausedSeconds() > 0) {
            measures.row("Shift held while you were away", ShiftReport.clock(r.pausedSeconds()));
        }
        add(measures);

        add(new H2("Callers with a red flag"));
        Table flags = new Table("Callers with a red flag: from joining the queue to a safe route",
                List.of("Caller", "Call", "Joined the queue", "Answered", "Safe route given", "From joining to route",
                        "Result"));
        for (ShiftReport.RedFlagCall c : rep.redFlagCalls()) {
            Span res = new Span(c.inTime() ? "In time" : "Missed");
            res.getElement().getThemeList().add(c.inTime() ? "badge success" : "badge error");
            Div result = new Div(res, new Span(" " + capital(c.outcome())
                    + (c.worsened() ? ". Worsened while waiting (answered as variant " + c.variantId() + ")" : "")
                    + "."));
            flags.row("Caller " + c.caller(), c.title(), ShiftReport.clock(c.joinedAt()),
                    c.answeredAt() == null ? "not answered" : ShiftReport.clock(c.answeredAt()),
                    c.routedAt() == null ? "no" : ShiftReport.clock(c.routedAt()),
                    c.secondsFromJoining() == null ? "" : ShiftReport.clock(c.secondsFromJoining()), result);
        }
        add(flags);
        add(new Paragraph("Times are on the shift clock (0:00 is the start). The limit of "
                + ShiftReport.clock(rep.redFlagRouteWithinSeconds()) + " counts from when the caller first joined the "
                + "queue: time waiting is time without help. It is a training threshold, not a standard: for stroke or "
                + "chest-pain signs, the standard is 999 at once."));

        add(new H2("Red-flag screens not asked before routing"));
        if (rep.missedScreens().isEmpty()) {
            add(new Paragraph("None: every call asked its red-flag screens before routing."));
        } else {
            UnorderedList missed = new UnorderedList();
            rep.missedScreens().forEach(m -> missed.add(new ListItem("Caller " + m.caller() + " (" + m.title() + "): "
                    + m.item())));
            add(missed);
        }

        add(new H2("Call-backs offered"));
        if (rep.callBacks().isEmpty()) {
            add(new Paragraph("None offered."));
        } else {
            UnorderedList backs = new UnorderedList();
            rep.callBacks().forEach(b -> backs.add(new ListItem("Caller " + b.caller() + " (" + b.title() + "): "
                    + (b.safe() ? "safe, the request could wait" : "not safe: under-triage, the caller needed more than a "
                            + "call-back later"))));
            add(backs);
        }

        add(new H2("Every call"));
        Table calls = new Table("Every call answered, with its score card", List.of("Caller", "Call", "Waited",
                "Handling time", "Route", "Routing", "Band", "Debrief"));
        for (ShiftReport.CallLine l : rep.calls()) {
            String route = l.route() == null ? "none" : r.routeNames().getOrDefault(l.route(), l.route());
            Anchor open = new Anchor(r.own() ? "attempt/" + l.attemptId()
                    : "trainees/" + r.shift().traineeId() + "/calls/" + l.attemptId(), "Open");
            open.getElement().setAttribute("aria-label", "Open the debrief of caller " + l.caller() + ": " + l.title());
            calls.row("Caller " + l.caller(), l.title() + (l.redFlag() ? " (red flag)" : ""), ShiftReport.clock(l.waitedSeconds()),
                    l.handlingSeconds() == null ? "not finished" : ShiftReport.clock(l.handlingSeconds()), route,
                    l.grade() == null ? "" : l.grade().label(),
                    new BandBadge(l.attempt() == null || !l.attempt().completed() ? null : l.attempt().band()),
                    l.attempt() != null && l.attempt().completed() ? open : new Span(""));
        }
        add(calls);
        Paragraph seed = new Paragraph("Drawn from " + r.plan().definitionId() + " v" + r.plan().definitionVersion()
                + " with seed " + r.seed() + ": the same seed draws the same callers in the same order.");
        seed.addClassName("shift-seed");
        add(seed);
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.UK) + s.substring(1);
    }
}
