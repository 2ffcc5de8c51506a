package uk.carenav.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

/**
 * A confirmation that makes the page behind it inert while open: hidden from screen readers and out of the tab
 * order. The frame outlives the page, so every way out of the dialog (either button, Escape, leaving the page)
 * makes it live again. The way back is a contrast button: the default tertiary blue on white is 4.4:1, below the
 * 4.5:1 text needs.
 */
public final class InertConfirm {

    private InertConfirm() {
    }

    /** Opens the dialog over {@code page}; {@code onConfirm} runs once the page is live again. */
    public static ConfirmDialog open(Component page, String header, String text, String backLabel, String confirmLabel,
            Runnable onConfirm) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(header);
        dialog.setText(text);
        dialog.setCancelable(true);
        Button back = new Button(backLabel, e -> dialog.close());
        back.addThemeVariants(ButtonVariant.LUMO_CONTRAST, ButtonVariant.LUMO_TERTIARY);
        dialog.setCancelButton(back);
        dialog.setConfirmText(confirmLabel);
        AppLayout layout = page.findAncestor(AppLayout.class);
        Component frame = layout != null ? layout : page;
        Runnable live = () -> frame.getElement().removeAttribute("inert");
        back.addClickListener(e -> live.run());
        dialog.addCancelListener(e -> live.run());
        dialog.addConfirmListener(e -> {
            live.run();
            onConfirm.run();
        });
        page.addDetachListener(e -> live.run());
        frame.getElement().setAttribute("inert", true);
        dialog.open();
        return dialog;
    }
}
