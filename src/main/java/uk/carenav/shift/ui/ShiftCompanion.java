package uk.carenav.shift.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.spring.annotation.SpringComponent;
import java.util.Optional;
import uk.carenav.call.CallState;
import uk.carenav.call.ui.CallCompanion;
import uk.carenav.shift.ShiftService;

/** Shows the queue above a call answered in a shift, and goes back to the shift when the call ends. */
@SpringComponent
class ShiftCompanion implements CallCompanion {

    private final ShiftService shifts;

    ShiftCompanion(ShiftService shifts) {
        this.shifts = shifts;
    }

    @Override
    public Optional<Component> beside(CallState call) {
        if (call.shift() == null) {
            return Optional.empty();
        }
        Paragraph note = new Paragraph();
        note.addClassName("queue-note");
        QueuePanel panel = new QueuePanel(shifts, call.shift().shiftId(), "The queue while you are on this call", now -> {
            note.setText(now.timeUp() ? "The queue has closed: finish this call and the shift ends."
                    : "Callers keep joining the queue while you are on this call. End the call to answer the next one.");
        });
        panel.add(note);
        panel.addClassName("queue-beside-call");
        return Optional.of(panel);
    }

    @Override
    public Optional<String> afterEnd(CallState call) {
        return call.shift() == null ? Optional.empty() : Optional.of("shift");
    }
}
