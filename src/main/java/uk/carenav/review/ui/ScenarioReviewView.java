package uk.carenav.review.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import uk.carenav.base.InvalidInputException;
import uk.carenav.base.UkTime;
import uk.carenav.base.ui.FieldErrors;
import uk.carenav.review.ScenarioReviews.Decided;
import uk.carenav.review.ScenarioReviews.VersionReview;
import uk.carenav.review.ScenarioReviews;
import uk.carenav.scenario.CallAction;
import uk.carenav.scenario.Catalogue;
import uk.carenav.scenario.Categories;
import uk.carenav.scenario.Scenario.Expected;
import uk.carenav.scenario.Scenario.Variant;
import uk.carenav.scenario.Scenario;
import uk.carenav.scenario.ScenarioLibrary;

/**
 * One scenario version shown whole for clinical review: every variant with the caller's answers, the expected
 * and acceptable routes, must-ask screens, safety-netting, note facts and the model answer, the file as written,
 * the decisions so far and, for a clinical reviewer, approve or request changes.
 */
@Route("review/:scenarioId")
@RolesAllowed({"CLINICAL_REVIEWER", "ADMIN"})
public class ScenarioReviewView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final ScenarioReviews reviews;
    private final ScenarioLibrary library;
    private final boolean reviewer;
    private final Map<String, TextArea> variantComments = new LinkedHashMap<>();
    private String title = "Scenario review | CareNav Trainer";

    ScenarioReviewView(ScenarioReviews reviews, ScenarioLibrary library, AuthenticationContext auth) {
        this.reviews = reviews;
        this.library = library;
        this.reviewer = auth.hasRole("CLINICAL_REVIEWER");
        addClassNames("page", "scenario-review");
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getRouteParameters().get("scenarioId").orElse("");
        var found = reviews.version(id);
        if (found.isEmpty()) {
            event.rerouteToError(NotFoundException.class, "No scenario " + id + " in the library");
            return;
        }
        show(found.get());
    }

    private void show(VersionReview v) {
        removeAll();
        Scenario s = v.scenario();
        Catalogue catalogue = library.current().catalogue();
        title = "Review: " + s.title() + " | CareNav Trainer";
        add(new Anchor("review", "Back to Scenario review"));
        add(new H1("Review: " + s.title()));
        add(new Paragraph("Version " + s.version() + " \u00B7 " + Categories.label(s.category()) + " \u00B7 " + s.difficulty()
                + " \u00B7 status: " + v.status().label() + (s.reviewDue() == null ? "" : " \u00B7 review due "
                + UkTime.DATE.format(s.reviewDue())) + " \u00B7 content SHA-256 " + v.contentHash().substring(0, 12)));
        add(new Paragraph("Written by " + (s.author() == null ? "(not named)" : s.author())
                + ". The file names its author only; approval is what is recorded below. " + s.timeOfCall().label() + "."));
        Anchor tryIt = new Anchor("review/" + s.id() + "/try", "Try this call (nothing is recorded)");
        tryIt.addClassName("try-call-link");
        add(new Paragraph(tryIt));
        UnorderedList sources = new UnorderedList();
        s.sources().forEach(src -> {
            Anchor a = new Anchor(src.url(), src.title());
            a.setTarget("_blank");
            sources.add(new ListItem(a));
        });
        add(new H2("Guidance it follows"), sources);

        add(new H2("The call"));
        add(new Paragraph("Caller: " + s.caller().name() + ", " + s.caller().age() + ", calling " + s.caller().calling()
                + (s.caller().patient() == null ? "" : " about " + s.caller().patient().name() + " ("
                + s.caller().patient().age() + ")") + ". Opening: \u201C" + s.opening() + "\u201D"));

        add(new H2("Variants"));
        variantComments.clear();
        for (Variant variant : s.variants()) {
            add(variant(s, variant, s.expected().get(variant.id()), catalogue));
        }

        Pre file = new Pre(reviews.fileText(s.id()));
        file.addClassName("review-file");
        add(new Details("The file as written", file));

        add(new H2("Decisions on this version"));
        if (v.decisions().isEmpty()) {
            add(new Paragraph("None yet."));
        } else {
            UnorderedList history = new UnorderedList();
            v.decisions().forEach(d -> history.add(new ListItem(ReviewView.describe(d) + " at "
                    + UkTime.DATE_TIME.format(d.at().atZone(UkTime.ZONE)) + " (content " + d.contentHash().substring(0, 12)
                    + (d.contentHash().equals(v.contentHash()) ? "" : ", an earlier text of this version") + ")"
                    + (d.comments().isEmpty() ? "" : ": " + d.comments())
                    + d.variantComments().entrySet().stream().map(c -> "; on " + variantLabel(v.scenario(), c.getKey())
                            + ": " + c.getValue()).collect(Collectors.joining()))));
            add(history);
        }
        if (reviewer) {
            add(decisionForm(v));
        } else {
            add(new Paragraph("Only a clinical reviewer can approve a version or request changes."));
        }
    }

    private Component variant(Scenario s, Variant variant, Expected e, Catalogue catalogue) {
        Div box = new Div();
        box.addClassName("review-variant");
        box.add(new H3(variant.label() + " (" + variant.id() + ")"));
        if (e == null) {
            box.add(new Paragraph("No expected outcome."));
            return box;
        }
        box.add(new Paragraph("Urgency: " + e.urgency().label() + ". Correct: " + routes(e.correct(), catalogue)
                + ". Acceptable: " + routes(e.acceptable(), catalogue) + ". Over-triage: " + routes(e.overTriage(), catalogue)
                + ". Under-triage: " + routes(e.underTriage(), catalogue) + "."
                + routeBy(e.routeBy())));
        box.add(new Paragraph("Why: " + e.rationale()));
        box.add(new Paragraph("Must ask: " + (e.mustAsk().isEmpty() ? "nothing"
                : e.mustAsk().stream().map(q -> s.question(q).map(Scenario.Question::text).orElse(q))
                        .collect(Collectors.joining("; ")))));
        box.add(new Paragraph("Safety-netting: " + (e.safetyNetting().isEmpty() ? "none"
                : e.safetyNetting().stream().map(r -> {
                    Catalogue.SafetyNetStep step = catalogue.safetyNetting().get(r.stepId());
                    return (step == null ? r.stepId() : step.name()) + " (" + r.severity() + ")";
                }).collect(Collectors.joining("; ")))));
        box.add(new Paragraph("Note must record: " + (e.note().isEmpty() ? "nothing set"
                : e.note().stream().map(n -> n.fact() + " (" + n.severity() + ")").collect(Collectors.joining("; ")))));
        UnorderedList answers = new UnorderedList();
        s.questions().forEach(q -> answers.add(new ListItem(q.text() + " \u2014 \u201C" + q.answerFor(variant.id()) + "\u201D")));
        box.add(new Details("Caller's answers (" + s.questions().size() + ")", answers));
        UnorderedList model = new UnorderedList();
        e.modelAnswer().forEach(a -> model.add(new ListItem(CallAction.describe(a, s, catalogue))));
        box.add(new Details("Model answer (scores 100%; checked every time the library loads)", model));
        if (reviewer) {
            TextArea comment = new TextArea("Comment on this variant");
            comment.setAriaLabel("Comment on this variant: " + variant.label());
            comment.setHelperText("Optional; saved with your decision below.");
            comment.setMaxLength(2000);
            comment.setWidthFull();
            variantComments.put(variant.id(), comment);
            box.add(comment);
        }
        return box;
    }

    private static String variantLabel(Scenario s, String variantId) {
        return s.variants().stream().filter(x -> x.id().equals(variantId)).map(Variant::label).findFirst().orElse(variantId);
    }

    private static String routeBy(Scenario.RouteBy by) {
        if (by == null) {
            return "";
        }
        List<String> limits = new ArrayList<>();
        if (by.questions() != null) {
            limits.add(by.questions() + " questions");
        }
        if (by.seconds() != null) {
            limits.add(by.seconds() + " seconds");
        }
        return limits.isEmpty() ? "" : " Route within " + String.join(" and ", limits) + ".";
    }

    private static String routes(List<String> ids, Catalogue catalogue) {
        if (ids.isEmpty()) {
            return "none";
        }
        return ids.stream().map(id -> {
            Catalogue.Route r = catalogue.routes().get(id);
            return r == null ? id : r.name();
        }).collect(Collectors.joining(", "));
    }

    private Component decisionForm(VersionReview v) {
        Div form = new Div();
        form.addClassName("review-decision");
        TextArea comments = new TextArea("Comments");
        comments.setHelperText("On the version as a whole; comment on single variants above. A change request needs "
                + "a comment here or on a variant.");
        comments.setMaxLength(4000);
        comments.setWidthFull();
        Map<String, TextArea> fields = new LinkedHashMap<>();
        fields.put("Comments", comments);
        for (Variant variant : v.scenario().variants()) {
            TextArea c = variantComments.get(variant.id());
            if (c != null) {
                fields.put("Comment on " + variant.label(), c);
            }
        }
        FieldErrors errors = new FieldErrors(fields);
        Button approve = new Button("Approve this version", e -> decide(errors, v, Decided.APPROVED, comments.getValue()));
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button changes = new Button("Request changes", e -> decide(errors, v, Decided.CHANGES_REQUESTED, comments.getValue()));
        Div buttons = new Div(approve, changes);
        buttons.addClassName("scenario-buttons");
        form.add(new H2("Your decision"), new Paragraph("You are approving exactly the file above (content "
                + v.contentHash().substring(0, 12) + "). If the file changes, it becomes a new version awaiting review."),
                comments, buttons);
        return form;
    }

    private void decide(FieldErrors errors, VersionReview v, Decided decision, String comments) {
        try {
            Map<String, String> perVariant = new LinkedHashMap<>();
            variantComments.forEach((id, area) -> perVariant.put(id, area.getValue()));
            if (errors.save(() -> reviews.decide(v.scenario().id(), v.scenario().version(), v.contentHash(), decision, comments,
                    perVariant))) {
                Notification.show(decision.label() + ": " + v.scenario().title() + " v" + v.scenario().version(), 4000,
                        Notification.Position.BOTTOM_START);
                reviews.version(v.scenario().id()).ifPresent(this::show);
            }
        } catch (InvalidInputException stale) {
            Notification.show(stale.getMessage(), 8000, Notification.Position.MIDDLE);
        }
    }
}
