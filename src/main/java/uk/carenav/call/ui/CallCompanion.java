package uk.carenav.call.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;
import uk.carenav.call.CallState;

/**
 * Something larger a call belongs to (a shift, with its queue of callers), offered by a module above this one: the
 * call page shows what it gives beside the call and goes where it says when the call ends.
 */
public interface CallCompanion {

    /** A panel to show above the call (such as the queue of callers still waiting), or empty for a single call. */
    Optional<Component> beside(CallState call);

    /** Where to go once the call has ended (such as back to the shift), or empty for the call's debrief. */
    Optional<String> afterEnd(CallState call);
}
