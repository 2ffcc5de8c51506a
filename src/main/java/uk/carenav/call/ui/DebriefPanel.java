package uk.carenav.call.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;
import uk.carenav.base.UkTime;
import uk.carenav.call.CallEvent;
import uk.carenav.call.Debrief;
import uk.carenav.call.Review;
import uk.carenav.call.Turn;
import uk.carenav.scenario.CallAction;
import uk.carenav.scenario.Scenario;
import uk.carenav.scoring.ComplianceBand;
import uk.carenav.scoring.Finding;
import uk.carenav.scoring.ScoreCard;

/**
 * The explained result of a call, for the trainee and for their supervisor: band, points per segment,
 * every finding with why and its own source as a link (and any supervisor override), model answer, replay,
 * comments. For the trainee it says "you"; for a supervisor ({@code traineeName} given) it names the trainee
 * and says "they". With a {@code review} action, each deviation offers "Override this finding".
 */
public class DebriefPanel extends Div {

    /** The trainee's own debrief. */
    public DebriefPanel(Debrief d) {
        this(d, null, null);
    }

    /** A supervisor's review of {@code traineeName}'s call; {@code review} overrides a finding. */
    public DebriefPanel(Debrief d, String traineeName, BiConsumer<Integer, Finding> review) {
        boolean own = traineeName == null;
        String who = own ? "You" : traineeName;
        addClassName("debrief-panel");
        ScoreCard card = d.scoreCard();
        Scenario s = d.scenario();
        add(new Paragraph(s.title() + " \u2014 " + d.attempt().modeLabel() + " call, "
                + s.variant(d.attempt().variantId()).map(Scenario.Variant::label).orElse("")));

        Div result = new Div();
        result.addClassName("debrief-result");
        BandBadge badge = new BandBadge(card.band().name());
        Span pct = new Span(String.format("%.1f%%", card.percentage()));
        pct.addClassName("debrief-percentage");
        Span verdict = new Span(card.passed() ? "Pass" : "Not passed");
        verdict.addClassName(card.passed() ? "verdict-pass" : "verdict-fail");
        result.add(badge, pct, verdict);
        add(result);
        String routeName = card.routeChosen() == null ? "no route" : d.catalogue().routes().containsKey(card.routeChosen())
                ? d.catalogue().routes().get(card.routeChosen()).name() : card.routeChosen();
        add(new Paragraph("Routing: " + card.routingGrade().label() + " (" + routeName + ")"
                + (card.questionsBeforeRoute() == null ? "" : ", after " + card.questionsBeforeRoute()
                        + (card.questionsBeforeRoute() == 1 ? " question" : " questions"))
                + (card.secondsToRoute() == null ? "" : " and " + CallTimer.format(Math.round(card.secondsToRoute())))
                + (card.confidence() == null ? "" : (own ? ". Your confidence: " : ". Their confidence: ")
                        + card.confidence() + " of 5.")));
        if (!card.failedBecause().isEmpty() || card.criticalDeviation()) {
            Div why = new Div();
            why.addClassName("critical-warning");
            why.add(new Paragraph("This call is Non-compliant whatever its points: on a real call it could have harmed "
                    + "the patient. It failed because:"));
            UnorderedList reasons = new UnorderedList();
            List<String> failed = card.failedBecause().isEmpty()
                    ? List.of("Critical deviation: read the critical findings first") : card.failedBecause();
            failed.forEach(r -> reasons.add(new ListItem(r)));
            why.add(reasons);
            add(why);
        }

        for (var r : d.rescores()) {
            add(new Paragraph("Re-scored on " + HistoryView.WHEN.format(r.at().atZone(UkTime.ZONE))
                    + " against version " + r.scenarioVersion() + ": " + ComplianceBand.valueOf(r.band()).label()
                    + String.format(" (%.1f%%)", r.percentage()) + ", because: " + r.reason()
                    + ". The result above is the original, as marked when the call ended."));
        }

        add(new H2("Points by segment"));
        Grid<ScoreCard.SegmentScore> segments = new Grid<>(ScoreCard.SegmentScore.class, false);
        segments.setAriaLabel("Points by segment");
        segments.addColumn(x -> x.segment().label()).setHeader("Segment").setAutoWidth(true);
        segments.addColumn(x -> x.possible() == 0 ? "not marked in this call" : x.points() + " of " + x.possible())
                .setHeader("Points");
        segments.addColumn(x -> x.findings().stream().filter(Finding::deviation).count()).setHeader("Deviations");
        segments.setItems(card.segments());
        segments.setAllRowsVisible(true);
        add(segments);

        add(new H2("Findings"));
        List<Finding> all = card.findings();
        List<Integer> order = IntStream.range(0, all.size()).boxed()
                .sorted(Comparator.comparing((Integer i) -> all.get(i).severity() == null ? 9 : all.get(i).severity().ordinal()))
                .toList();
        for (int i : order) {
            Div f = (Div) finding(all.get(i), own);
            d.reviews().stream().filter(r -> r instanceof Review.FindingOverride o && o.findingNo() == i)
                    .map(r -> (Review.FindingOverride) r).forEach(o -> {
                        Paragraph p = new Paragraph("Supervisor review: changed from " + o.originalSeverity().toLowerCase()
                                + " to " + o.newSeverity().toLowerCase() + " by " + o.by() + " on "
                                + HistoryView.WHEN.format(o.at().atZone(UkTime.ZONE)) + ". Reason: " + o.reason());
                        p.addClassName("finding-override");
                        f.add(p);
                    });
            if (review != null && all.get(i).deviation()) {
                Button b = new Button("Override this finding", e -> review.accept(i, all.get(i)));
                b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                b.setAriaLabel("Override this finding: " + all.get(i).item());
                f.add(b);
            }
            add(f);
        }

        add(new H2("Model answer"));
        add(new Paragraph(s.expected().get(d.attempt().variantId()).rationale()));
        OrderedList model = new OrderedList();
        s.expected().get(d.attempt().variantId()).modelAnswer().forEach(a -> model.add(new ListItem(CallAction.describe(a, s, d.catalogue()))));
        add(model);

        add(new H2(own ? "Your call, step by step" : traineeName + "'s call, step by step"));
        OrderedList replay = new OrderedList();
        replay.addClassName("replay");
        replay.add(new ListItem("0:00 " + s.caller().name() + ": " + d.opening()));
        for (CallEvent e : d.events()) {
            CallAction a = e.toAction();
            var turn = Turn.of(e, s, d.catalogue(), d.attempt().variantId(), r -> r.name());
            String text;
            if (turn.isPresent() && turn.get().heardAs() != null) {
                // Typed in the trainee's own words: what they typed, how it was heard, and the reply.
                text = who + ": \u201C" + turn.get().you() + "\u201D \u2014 heard as: " + turn.get().heardAs()
                        + (turn.get().caller() == null ? "" : " \u2014 " + s.caller().name() + ": " + turn.get().caller());
            } else if (a == null) {
                text = "Call ended";
            } else {
                text = CallAction.describe(a, s, d.catalogue());
                if (a instanceof CallAction.Ask ask) {
                    text += " \u2014 " + s.caller().name() + ": " + s.question(ask.questionId())
                            .map(q -> q.answerFor(d.attempt().variantId())).orElse("");
                }
            }
            replay.add(new ListItem(CallTimer.format(Math.round(e.atSeconds())) + " " + text));
        }
        add(replay);

        List<Review.Comment> comments = d.reviews().stream().filter(r -> r instanceof Review.Comment)
                .map(r -> (Review.Comment) r).toList();
        if (!comments.isEmpty()) {
            add(new H2("Supervisor comments"));
            for (Review.Comment c : comments) {
                Paragraph p = new Paragraph(c.by() + ", " + HistoryView.WHEN.format(c.at().atZone(UkTime.ZONE))
                        + ": " + c.text());
                p.addClassName("supervisor-comment");
                add(p);
            }
        }
    }

    private static Component finding(Finding f, boolean own) {
        Div d = new Div();
        d.addClassNames("finding", f.deviation() ? "finding-deviation" : "finding-met");
        Span sev = new Span(f.deviation() ? f.severity().label() : "Met");
        sev.getElement().getThemeList().add("badge " + (!f.deviation() ? "success" : switch (f.severity()) {
            case CRITICAL -> "error primary";
            case MAJOR -> "error";
            case MODERATE -> "contrast";
            case MINOR -> "";
        }));
        H3 item = new H3(f.item());
        Div head = new Div(sev, item);
        head.addClassName("finding-head");
        d.add(head);
        d.add(labelled(own ? "What you did" : "What they did", f.did()));
        if (f.deviation()) {
            d.add(labelled("Expected", f.expected()));
            d.add(labelled("Why", f.feedback()));
            if (!f.source().isEmpty()) {
                d.add(source(f.source()));
            }
        }
        d.add(labelled("Points", f.possible() > 0 ? f.points() + " of " + f.possible() : String.valueOf(f.points())));
        return d;
    }

    private static final Pattern SOURCE = Pattern.compile("(.+) \\((https?://\\S+)\\)");

    /** "Title (https://...)" as a link named by its title, opening in a new tab; other text as it is. */
    static Paragraph source(String text) {
        Span l = new Span("Source: ");
        l.addClassName("finding-label");
        Matcher m = SOURCE.matcher(text);
        Paragraph p;
        if (m.matches()) {
            Anchor a = new Anchor(m.group(2), m.group(1));
            a.setTarget("_blank");
            a.getElement().setAttribute("rel", "noopener");
            p = new Paragraph(l, a);
        } else {
            p = new Paragraph(l, new Span(text));
        }
        p.addClassName("finding-line");
        return p;
    }

    private static Paragraph labelled(String label, String text) {
        Span l = new Span(label + ": ");
        l.addClassName("finding-label");
        Paragraph p = new Paragraph(l, new Span(text));
        p.addClassName("finding-line");
        return p;
    }
}
