package uk.carenav.shift.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.shared.Registration;
import java.util.function.Consumer;
import uk.carenav.shift.ShiftNow;
import uk.carenav.shift.ShiftQueue;
import uk.carenav.shift.ShiftReport;
import uk.carenav.shift.ShiftService;

/**
 * The queue as a practice phone system shows it: how many callers are waiting and how long each has waited, and
 * nothing of what they ring about. It asks the server every few seconds (which also tells the shift the trainee is
 * still there) and counts the seconds in between in the browser. New callers are announced politely to screen
 * readers; the ticking times are not.
 */
class QueuePanel extends Section {

    static final int POLL_MILLIS = 5000;

    private final ShiftService shifts;
    private final String shiftId;
    private final Consumer<ShiftNow> onRefresh;
    private final Span announce = new Span();
    private final Div body = new Div();
    private Registration poll;
    private int lastWaiting = -1;

    QueuePanel(ShiftService shifts, String shiftId, String heading, Consumer<ShiftNow> onRefresh) {
        this.shifts = shifts;
        this.shiftId = shiftId;
        this.onRefresh = onRefresh;
        addClassName("queue-panel");
        H2 h = new H2(heading);
        h.setId("queue-heading-" + Integer.toHexString(System.identityHashCode(this)));
        getElement().setAttribute("aria-labelledby", h.getId().orElseThrow());
        announce.addClassName("queue-announce");
        announce.getElement().setAttribute("aria-live", "polite");
        announce.getElement().setAttribute("role", "status");
        add(h, announce, body);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        ui.setPollInterval(POLL_MILLIS);
        poll = ui.addPollListener(e -> refresh());
        refresh();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (poll != null) {
            poll.remove();
            poll = null;
        }
        event.getUI().setPollInterval(-1);
        getElement().executeJs("clearInterval(this._carenavQueue)");
    }

    /** Asks for the shift as it stands and shows it. */
    void refresh() {
        show(shifts.now(shiftId));
    }

    void show(ShiftNow now) {
        body.removeAll();
        int waiting = now.waiting().size();
        String count = waiting == 0 ? "Nobody is waiting" : waiting == 1 ? "1 caller waiting" : waiting + " callers waiting";
        if (lastWaiting >= 0 && waiting > lastWaiting) {
            announce.setText(count + ": a new caller has joined the queue.");
        } else if (lastWaiting != waiting) {
            announce.setText(count + ".");
        }
        lastWaiting = waiting;

        Paragraph clock = new Paragraph();
        clock.addClassName("shift-clock");
        if (now.timeUp()) {
            clock.setText("Time is up: the queue has closed.");
        } else {
            Span left = new Span(ShiftReport.clock(now.remaining()));
            left.getElement().setAttribute("data-down", String.valueOf((int) Math.floor(now.remaining())));
            left.addClassName("time-left");
            clock.add(new Span("Time left in the shift: "), left);
        }
        body.add(clock);

        OrderedList list = new OrderedList();
        list.addClassName("queue-list");
        list.getElement().setAttribute("aria-label", count);
        for (ShiftQueue.Entry e : now.waiting()) {
            int waited = e.waitedAt(now.timeUp() ? now.closesAt() : now.seconds());
            Span time = new Span(ShiftReport.clock(waited));
            time.addClassName("wait-time");
            if (!now.timeUp()) {
                time.getElement().setAttribute("data-up", String.valueOf(waited));
            }
            ListItem item = new ListItem(new Span("Caller " + e.caller().number() + (e.rangBack() ? " (rang before)" : "")
                    + ", waiting "), time);
            item.addClassName("queue-caller");
            if (waited >= 180) {
                item.addClassName("long-wait");
            }
            list.add(item);
        }
        if (now.waiting().isEmpty()) {
            body.add(new Paragraph(count + "."));
        } else {
            body.add(new Paragraph(count + ", longest first:"), list);
        }
        Paragraph counts = new Paragraph("Answered: " + now.answered() + ". Hung up: " + now.abandoned()
                + (now.ringingBack() > 0 ? " (" + now.ringingBack() + " may ring back)" : "") + ".");
        counts.addClassName("queue-counts");
        body.add(counts);
        // The browser counts the seconds between two looks at the server.
        getElement().executeJs("""
                const el = this;
                const fmt = x => Math.floor(x / 60) + ':' + String(x % 60).padStart(2, '0');
                clearInterval(el._carenavQueue);
                el._carenavQueue = setInterval(() => {
                  el.querySelectorAll('[data-up]').forEach(s => { const v = +s.dataset.up + 1; s.dataset.up = v; s.textContent = fmt(v); });
                  el.querySelectorAll('[data-down]').forEach(s => { const v = Math.max(0, +s.dataset.down - 1); s.dataset.down = v; s.textContent = fmt(v); });
                }, 1000);""");
        onRefresh.accept(now);
    }
}
