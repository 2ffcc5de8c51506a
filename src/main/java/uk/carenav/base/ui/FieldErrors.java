package uk.carenav.base.ui;

import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.HasValidation;
import java.util.Map;
import uk.carenav.base.InvalidInputException;

/**
 * Runs a form's save and shows the service's verdict on the field it names: the browser checks the
 * obvious, the service checks everything, and the user sees the message where the mistake is.
 */
public final class FieldErrors {

    private final Map<String, ? extends HasValidation> fields;

    /** {@code fields} by the name the service uses in {@link InvalidInputException#field()} (the field's label). */
    public FieldErrors(Map<String, ? extends HasValidation> fields) {
        this.fields = fields;
    }

    /** Clears earlier errors and runs {@code save}; true when it succeeded, false when a field now shows an error. */
    public boolean save(Runnable save) {
        fields.values().forEach(f -> f.setInvalid(false));
        try {
            save.run();
            return true;
        } catch (InvalidInputException e) {
            HasValidation field = fields.get(e.field());
            if (field == null) {
                throw e;
            }
            field.setErrorMessage(e.getMessage());
            field.setInvalid(true);
            if (field instanceof Focusable<?> f) {
                f.focus();
            }
            return false;
        }
    }
}
