package uk.carenav.call.ui;

import com.vaadin.flow.component.html.Span;

/** The visible call clock. It counts in the browser from the elapsed time the server gave it. */
class CallTimer extends Span {

    CallTimer(long elapsedSeconds, boolean running) {
        addClassName("call-timer");
        getElement().setAttribute("role", "timer");
        getElement().setAttribute("aria-label", "Call time");
        getElement().setAttribute("aria-live", "off");
        setText(format(elapsedSeconds));
        if (running) {
            addAttachListener(e -> getElement().executeJs("""
                    const el = this; let s = $0;
                    const fmt = x => Math.floor(x / 60) + ':' + String(x % 60).padStart(2, '0');
                    clearInterval(el._carenavTimer);
                    el._carenavTimer = setInterval(() => { s++; el.textContent = fmt(s); }, 1000);""", (int) elapsedSeconds));
            addDetachListener(e -> getElement().executeJs("clearInterval(this._carenavTimer)"));
        }
    }

    static String format(long seconds) {
        return seconds / 60 + ":" + String.format("%02d", seconds % 60);
    }
}
