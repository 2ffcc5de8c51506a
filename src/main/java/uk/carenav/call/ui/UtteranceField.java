package uk.carenav.call.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.textfield.TextField;
import java.util.function.Consumer;

/**
 * The "Ask or say" input. Enter sends the line and empties the field in the browser at once, so a trainee
 * who types the next line straight away loses nothing while the server answers (clearing it from the server
 * would wipe what they had typed meanwhile). The line travels with the call, not through the field's value.
 */
class UtteranceField extends TextField {

    private final Consumer<String> onSay;

    UtteranceField(String label, Consumer<String> onSay) {
        super(label);
        this.onSay = onSay;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        getElement().executeJs("""
                if (!this.__carenavSay) {
                  this.__carenavSay = true;
                  this.addEventListener('keydown', e => {
                    if (e.key === 'Enter' && !e.isComposing) {
                      e.preventDefault();
                      const line = this.value;
                      this.value = '';
                      this.$server.say(line);
                    }
                  });
                }""");
    }

    /** Sends what is in the field now, as the send button does. */
    void sendFromBrowser() {
        getElement().executeJs("const line = this.value; this.value = ''; this.$server.say(line);");
    }

    @ClientCallable
    void say(String line) {
        onSay.accept(line == null ? "" : line);
    }
}
