package uk.carenav.call.ui;

import com.vaadin.flow.component.html.Span;
import uk.carenav.scoring.ComplianceBand;

/** A compliance band as a coloured badge with its name in words (colour is never the only signal). */
public class BandBadge extends Span {

    public BandBadge(String bandName) {
        ComplianceBand band = bandName == null ? null : ComplianceBand.valueOf(bandName);
        setText(band == null ? "Not finished" : band.label());
        addClassName("band-badge");
        getElement().getThemeList().add("badge " + switch (band == null ? ComplianceBand.PARTIAL : band) {
            case HIGH_COMPLIANCE, COMPLIANT -> "success";
            case PARTIAL -> "contrast";
            case LOW, NON_COMPLIANT -> "error";
        } + (band == null ? "" : " primary"));
    }
}
