package uk.carenav.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/**
 * The running transcript of a call (the call page, and a reviewer's "Try this call"): the caller's lines and the
 * navigator's words. Screen readers hear each new line.
 */
public class TranscriptPanel extends Div {

    public TranscriptPanel() {
        addClassName("transcript");
        getElement().setAttribute("role", "log");
        getElement().setAttribute("aria-live", "polite");
        getElement().setAttribute("aria-label", "Call transcript");
        getElement().setAttribute("tabindex", "0");
    }

    public void caller(String who, String text) {
        add(line("caller", who, text));
    }

    public void you(String text) {
        add(line("you", "You", text));
    }

    /** What the trainee typed and, when it was typed, how the caller heard it. */
    public void you(String text, String heardAs) {
        Div d = line("you", "You", text);
        if (heardAs != null) {
            Span h = new Span(" \u2014 heard as: " + heardAs);
            h.addClassName("transcript-heard");
            d.add(h);
        }
        add(d);
    }

    public void system(String text) {
        add(line("system", "", text));
    }

    private Div line(String kind, String who, String text) {
        Div d = new Div();
        d.addClassNames("transcript-line", "transcript-" + kind);
        if (!who.isEmpty()) {
            Span w = new Span(who + ": ");
            w.addClassName("transcript-who");
            d.add(w);
        }
        d.add(new Span(text));
        d.getElement().executeJs("this.scrollIntoView({block: 'nearest'})");
        return d;
    }
}
