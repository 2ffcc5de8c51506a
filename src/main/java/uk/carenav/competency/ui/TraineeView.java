package uk.carenav.competency.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
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
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import uk.carenav.base.InvalidInputException;
import uk.carenav.base.UkTime;
import uk.carenav.base.ui.FieldErrors;
import uk.carenav.call.AttemptSummary;
import uk.carenav.competency.Readiness;
import uk.carenav.competency.Records;
import uk.carenav.competency.SignOffService;
import uk.carenav.competency.TraineeStatus;
import uk.carenav.scoring.ComplianceBand;
import uk.carenav.scoring.RoutingGrade;
import uk.carenav.shift.ShiftService;
import uk.carenav.shift.ShiftSummary;

/** One trainee's record for their supervisor: readiness, competencies, calls, observed calls, sign-off. */
@Route("trainees/:traineeId")
@RolesAllowed("SUPERVISOR")
public class TraineeView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final SignOffService service;
    private long traineeId;
    private String title = "Trainee | CareNav Trainer";

    private final ShiftService shifts;

    TraineeView(SignOffService service, ShiftService shifts) {
        this.service = service;
        this.shifts = shifts;
        addClassNames("page", "trainee-view");
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            traineeId = Long.parseLong(event.getRouteParameters().get("traineeId").orElse(""));
            show();
        } catch (NumberFormatException | AccessDeniedException e) {
            event.rerouteToError(NotFoundException.class, "No such trainee among yours");
        }
    }

    private void show() {
        removeAll();
        Records.TraineeRecord r = service.trainee(traineeId);
        title = r.trainee().displayName() + " | CareNav Trainer";
        add(new H1(r.trainee().displayName()));
        Div head = new Div(TraineesView.statusBadge(r.status()),
                new Span(" " + r.trainee().practice() + " (" + r.trainee().pcn() + "), username " + r.trainee().username()));
        add(head);

        add(new H2("Readiness for real calls"));
        int unevidenced = r.readiness().notYetEvidenced().size();
        add(new Paragraph("Rule " + r.readiness().policyVersion() + ": " + (r.readiness().ready()
                ? "every condition is met." : r.readiness().blockers().size() + " of " + r.readiness().conditions().size()
                        + " conditions are blocking" + (unevidenced == 0 ? "." : "; " + unevidenced
                        + " not yet evidenced (no assessed calls to judge them on)."))));
        UnorderedList conditions = new UnorderedList();
        conditions.addClassName("conditions");
        for (Readiness.Condition c : r.readiness().conditions()) {
            Span mark = new Span(c.met() ? "Met" : c.evidenced() ? "Blocking" : "Not yet evidenced");
            mark.getElement().getThemeList().add("badge " + (c.met() ? "success" : c.evidenced() ? "error" : "contrast"));
            ListItem li = new ListItem(mark, new Span(" " + c.name() + " \u2014 " + c.evidence()));
            conditions.add(li);
        }
        add(conditions);
        add(signOffSection(r));

        add(new H2("Competencies"));
        Grid<Records.CompetencyEvidence> comps = new Grid<>(Records.CompetencyEvidence.class, false);
        comps.setAriaLabel("Competency evidence");
        comps.addColumn(c -> c.competency().id()).setHeader("Id").setAutoWidth(true);
        comps.addColumn(c -> c.competency().domain()).setHeader("Domain").setAutoWidth(true);
        comps.addColumn(c -> c.competency().title()).setHeader("Competency").setAutoWidth(true);
        comps.addColumn(Records.CompetencyEvidence::assessedCalls).setHeader("Assessed calls");
        comps.addColumn(Records.CompetencyEvidence::passed).setHeader("Passed");
        comps.addColumn(Records.CompetencyEvidence::observedMet).setHeader("Observed, met");
        comps.addColumn(Records.CompetencyEvidence::status).setHeader("Status").setAutoWidth(true);
        comps.setItems(r.competencies());
        comps.setAllRowsVisible(true);
        comps.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        add(comps);

        add(new H2("Assessed calls"));
        add(r.assessedCalls().isEmpty() ? new Paragraph("No assessed calls yet.") : callGrid("Assessed calls", r.assessedCalls()));

        add(new H2("Practice calls"));
        add(new Paragraph("Practice calls do not count towards sign-off; open one to coach from it."));
        add(r.practiceCalls().isEmpty() ? new Paragraph("No practice calls yet.") : callGrid("Practice calls", r.practiceCalls()));

        add(new H2("Shifts"));
        add(shiftList());

        add(new H2("Observed live calls"));
        Button observe = new Button("Record an observed live call", VaadinIcon.PLUS.create(), e -> observedCallDialog());
        observe.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(observe);
        if (r.observed().isEmpty()) {
            add(new Paragraph("None recorded yet. Listen to at least " + service.policy().minObservedLiveCalls()
                    + " real calls and rate them here."));
        } else {
            Grid<Records.ObservedCall> obs = new Grid<>(Records.ObservedCall.class, false);
            obs.setAriaLabel("Observed live calls");
            obs.addColumn(o -> TraineesView.WHEN.format(o.observedOn())).setHeader("Date").setAutoWidth(true);
            obs.addColumn(o -> label(o.band())).setHeader("Band").setAutoWidth(true);
            obs.addColumn(o -> label(o.routeGrade())).setHeader("Route").setAutoWidth(true);
            obs.addColumn(Records.ObservedCall::supervisor).setHeader("Observed by").setAutoWidth(true);
            obs.addColumn(o -> o.comments() == null ? "" : o.comments()).setHeader("Comments");
            obs.setItems(r.observed());
            obs.setAllRowsVisible(true);
            add(obs);
        }
    }

    /** The trainee's shifts, newest first, each opening its report (and from there any of its calls). */
    private Component shiftList() {
        List<ShiftSummary> list = shifts.shiftsOf(traineeId);
        if (list.isEmpty()) {
            return new Paragraph("No shifts yet. A shift is a timed run of calls from a queue, with a red flag hidden "
                    + "among routine requests.");
        }
        UnorderedList out = new UnorderedList();
        out.addClassName("trainee-shifts");
        for (ShiftSummary s : list) {
            Span badge = new Span(s.passed() == null ? "Not finished" : s.passed() ? "Passed" : "Not passed");
            badge.getElement().getThemeList().add("badge " + (s.passed() == null ? "contrast"
                    : s.passed() ? "success" : "error"));
            ListItem li = new ListItem();
            String text = s.title() + ", " + UkTime.dateTime(s.startedAt());
            li.add(s.ended() ? new Anchor("shift/" + s.id() + "/report", text) : new Span(text), new Span(" "), badge);
            out.add(li);
        }
        return out;
    }

    private Div signOffSection(Records.TraineeRecord r) {
        Div section = new Div();
        section.add(new H2("Sign-off"));
        Records.SignOff active = r.signOffs().stream().filter(Records.SignOff::active).findFirst().orElse(null);
        for (Records.SignOff s : r.signOffs()) {
            section.add(new Paragraph("Signed off " + TraineesView.WHEN.format(s.signedAt().atZone(UkTime.ZONE))
                    + " by " + s.supervisor() + " under rule " + s.policyVersion() + (s.exception() ? " as an exception: "
                    + s.exceptionReason() : "") + ". Refresher due " + TraineesView.WHEN.format(s.refresherDue()) + "."
                    + (s.active() ? "" : " Revoked " + TraineesView.WHEN.format(s.revokedAt().atZone(UkTime.ZONE))
                    + " by " + s.revokedBy() + ": " + s.revokeReason())));
        }
        if (active != null) {
            section.add(new CertificateLink("Download the certificate (PDF)", "certificate-" + r.trainee().username() + ".pdf",
                    () -> service.certificate(traineeId)));
        }
        if (active != null && r.status() == TraineeStatus.SIGNED_OFF) {
            Button revoke = new Button("Revoke sign-off", e -> revokeDialog(active.id()));
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR);
            section.add(revoke);
        } else {
            Button sign = new Button(r.readiness().ready() ? "Sign off" : "Sign off as an exception", e -> signOffDialog(r));
            sign.addThemeVariants(r.readiness().ready() ? ButtonVariant.LUMO_PRIMARY : ButtonVariant.LUMO_CONTRAST);
            section.add(sign);
        }
        return section;
    }

    private void signOffDialog(Records.TraineeRecord r) {
        Dialog d = new Dialog();
        d.setHeaderTitle("Sign off " + r.trainee().displayName());
        boolean exception = !r.readiness().ready();
        Paragraph declaration = new Paragraph(SignOffService.DECLARATION);
        Checkbox confirm = new Checkbox("I confirm this declaration");
        TextArea reason = new TextArea("Reason for the exception");
        reason.setVisible(exception);
        reason.setRequired(exception);
        reason.setMinLength(20);
        reason.setMaxLength(1000);
        reason.setWidthFull();
        reason.setHelperText("The readiness rule is not met. Say why this trainee may take real calls anyway; it is kept "
                + "with the sign-off and in the audit log.");
        d.add(declaration, confirm, reason);
        Button ok = new Button("Sign off", e -> {
            try {
                service.signOff(traineeId, confirm.getValue(), reason.getValue());
                d.close();
                Notification.show("Signed off " + r.trainee().displayName(), 4000, Notification.Position.BOTTOM_START);
                show();
            } catch (InvalidInputException ex) {
                if (ex.field().equals("Declaration")) {
                    confirm.setErrorMessage(ex.getMessage());
                    confirm.setInvalid(true);
                } else {
                    reason.setErrorMessage(ex.getMessage());
                    reason.setInvalid(true);
                }
            }
        });
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.getFooter().add(new Button("Cancel", e -> d.close()), ok);
        d.open();
    }

    private void revokeDialog(long signOffId) {
        Dialog d = new Dialog();
        d.setHeaderTitle("Revoke sign-off");
        TextArea reason = new TextArea("Reason");
        reason.setRequired(true);
        reason.setMinLength(10);
        reason.setWidthFull();
        d.add(new Paragraph("The trainee will no longer be signed off. The sign-off stays on record with your reason."), reason);
        Button ok = new Button("Revoke", e -> {
            try {
                service.revoke(signOffId, reason.getValue());
                d.close();
                show();
            } catch (InvalidInputException ex) {
                reason.setErrorMessage(ex.getMessage());
                reason.setInvalid(true);
            }
        });
        ok.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        d.getFooter().add(new Button("Cancel", e -> d.close()), ok);
        d.open();
    }

    private static final DateTimeFormatter CALL_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** Finished calls with how they were taken and a link to the transcript and score card. */
    private Grid<AttemptSummary> callGrid(String name, List<AttemptSummary> calls) {
        Grid<AttemptSummary> grid = new Grid<>(AttemptSummary.class, false);
        grid.setAriaLabel(name);
        grid.addColumn(a -> CALL_DATE.format(a.endedAt().atZone(UkTime.ZONE))).setHeader("Date")
                .setAutoWidth(true);
        grid.addColumn(AttemptSummary::title).setHeader("Scenario").setAutoWidth(true);
        grid.addColumn(AttemptSummary::category).setHeader("Category").setAutoWidth(true);
        grid.addColumn(a -> a.inputMode().label()).setHeader("How taken").setAutoWidth(true);
        grid.addColumn(a -> a.band() == null ? "" : ComplianceBand.valueOf(a.band()).label())
                .setHeader("Band").setAutoWidth(true);
        grid.addColumn(a -> Boolean.TRUE.equals(a.critical()) ? "Yes" : "No").setHeader("Critical finding");
        grid.addComponentColumn(a -> {
            Button review = new Button("Review", e -> getUI().ifPresent(ui -> ui.navigate("trainees/" + traineeId + "/calls/" + a.id())));
            review.setAriaLabel("Review the call " + a.title());
            review.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            return review;
        }).setHeader("Transcript and score card").setAutoWidth(true);
        grid.setItems(calls);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        return grid;
    }

    private void observedCallDialog() {
        Dialog d = new Dialog();
        d.setHeaderTitle("Observed live call");
        Paragraph warning = new Paragraph("Do not enter anything that identifies the patient: no names, dates of birth, "
                + "NHS numbers or addresses. Rate the navigator's handling of the call only.");
        warning.addClassName("no-patient-data");
        DatePicker on = new DatePicker("Date of the call", LocalDate.now());
        on.setRequired(true);
        on.setMax(LocalDate.now());
        Map<String, String> grades = new LinkedHashMap<>();
        for (RoutingGrade g : SignOffService.OBSERVED_ROUTE_GRADES) {
            grades.put(g.name(), g.label());
        }
        ComboBox<String> route = options("Route", grades);
        Map<String, String> ratings = new LinkedHashMap<>();
        ratings.put("MET", "Met");
        ratings.put("PARTLY_MET", "Partly met");
        ratings.put("NOT_MET", "Not met");
        ComboBox<String> redFlags = options("Red-flag screening", ratings);
        ComboBox<String> safety = options("Safety-netting", ratings);
        ComboBox<String> comms = options("Communication and confidentiality", ratings);
        ComboBox<String> docs = options("Documentation", ratings);
        Map<String, String> bands = new LinkedHashMap<>();
        for (var b : ComplianceBand.values()) {
            bands.put(b.name(), b.label());
        }
        ComboBox<String> band = options("Overall band", bands);
        TextArea comments = new TextArea("Comments (no patient details)");
        comments.setMaxLength(2000);
        FormLayout form = new FormLayout(on, route, redFlags, safety, comms, docs, band, comments);
        form.setColspan(comments, 2);
        d.add(warning, form);
        FieldErrors errors = new FieldErrors(Map.of("Date of the call", on, "Route", route, "Red-flag screening", redFlags,
                "Safety-netting", safety, "Communication and confidentiality", comms, "Documentation", docs,
                "Overall band", band, "Comments", comments));
        Button save = new Button("Save", e -> {
            if (errors.save(() -> service.recordObservedCall(traineeId, new Records.ObservedCallForm(on.getValue(),
                    route.getValue(), redFlags.getValue(), safety.getValue(), comms.getValue(), docs.getValue(),
                    band.getValue(), comments.getValue())))) {
                d.close();
                show();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.getFooter().add(new Button("Cancel", e -> d.close()), save);
        d.open();
    }

    private static ComboBox<String> options(String label, Map<String, String> values) {
        ComboBox<String> c = new ComboBox<>(label);
        c.setItems(values.keySet());
        c.setItemLabelGenerator(values::get);
        c.setRequired(true);
        return c;
    }

    private static String label(String code) {
        String s = code.replace('_', ' ').toLowerCase();
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
