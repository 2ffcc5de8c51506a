package uk.carenav.competency.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import uk.carenav.base.InvalidInputException;
import uk.carenav.call.Debrief;
import uk.carenav.call.NoSuchAttemptException;
import uk.carenav.call.TraineeCalls;
import uk.carenav.call.ui.DebriefPanel;
import uk.carenav.scoring.Finding;

/** A supervisor's drill-down into one assessed call: the transcript and score card, overrides and comments. */
@Route("trainees/:traineeId/calls/:attemptId")
@RolesAllowed("SUPERVISOR")
public class CallReviewView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final TraineeCalls calls;
    private long traineeId;
    private String attemptId;
    private String title = "Call review | CareNav Trainer";

    CallReviewView(TraineeCalls calls) {
        this.calls = calls;
        addClassNames("page", "debrief-view");
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            traineeId = Long.parseLong(event.getRouteParameters().get("traineeId").orElse(""));
            attemptId = event.getRouteParameters().get("attemptId").orElse("");
            show();
        } catch (NumberFormatException | AccessDeniedException | NoSuchAttemptException | IllegalStateException e) {
            event.rerouteToError(NotFoundException.class, "No such call among your trainees' finished calls");
        }
    }

    private void show() {
        removeAll();
        Debrief d = calls.debrief(traineeId, attemptId);
        title = "Call review: " + d.scenario().title() + " | CareNav Trainer";
        String name = calls.traineeName(traineeId);
        add(new H1("Call review: " + name));
        add(new Anchor("trainees/" + traineeId, "Back to the trainee's record"));
        add(new DebriefPanel(d, name, this::overrideDialog));
        add(new H2("Add a comment"));
        TextArea comment = new TextArea("Comment for " + name);
        comment.setMaxLength(2000);
        comment.setWidthFull();
        Button save = new Button("Add comment", e -> {
            try {
                calls.comment(traineeId, attemptId, comment.getValue());
                show();
            } catch (InvalidInputException ex) {
                comment.setErrorMessage(ex.getMessage());
                comment.setInvalid(true);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(comment, save);
    }

    private void overrideDialog(int findingNo, Finding f) {
        Dialog d = new Dialog();
        d.setHeaderTitle("Override: " + f.item());
        ComboBox<String> severity = new ComboBox<>("New severity");
        severity.setItems(List.of("CRITICAL", "MAJOR", "MODERATE", "MINOR", "WAIVED").stream()
                .filter(s -> !s.equals(f.severity().name())).toList());
        severity.setItemLabelGenerator(s -> s.charAt(0) + s.substring(1).toLowerCase());
        severity.setRequired(true);
        TextArea reason = new TextArea("Reason");
        reason.setRequired(true);
        reason.setMinLength(10);
        reason.setMaxLength(1000);
        reason.setWidthFull();
        d.add(new Paragraph("Now " + f.severity().label() + ". The original score card is kept; your change and reason are "
                + "recorded beside it, shown to the trainee, and count for readiness."), severity, reason);
        Button ok = new Button("Save override", e -> {
            try {
                calls.overrideFinding(traineeId, attemptId, findingNo, severity.getValue(), reason.getValue());
                d.close();
                show();
            } catch (InvalidInputException ex) {
                if (ex.field().equals("Reason")) {
                    reason.setErrorMessage(ex.getMessage());
                    reason.setInvalid(true);
                } else {
                    severity.setErrorMessage(ex.getMessage());
                    severity.setInvalid(true);
                }
            }
        });
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.getFooter().add(new Button("Cancel", e -> d.close()), ok);
        d.open();
    }
}
