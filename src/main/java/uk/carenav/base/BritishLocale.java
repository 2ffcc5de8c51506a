package uk.carenav.base;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Every page in British English, whatever language the browser asks for: date pickers read and show
 * dd/MM/yyyy (30/11/2026 is 30 November, not refused), as an English NHS product must.
 */
@Component
class BritishLocale implements VaadinServiceInitListener {

    static final Locale UK = Locale.UK;

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(e -> e.getUI().setLocale(UK));
    }
}
