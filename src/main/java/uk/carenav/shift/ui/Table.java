package uk.carenav.shift.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.dom.Element;
import java.util.List;

/**
 * A plain HTML table with a caption and column headers, for screen readers and for reflow: at narrow widths it
 * scrolls inside its own box rather than the page.
 */
final class Table extends Div {

    private final Element body = new Element("tbody");

    Table(String caption, List<String> headers) {
        addClassName("report-table");
        getElement().setAttribute("role", "region");
        getElement().setAttribute("aria-label", caption);
        getElement().setAttribute("tabindex", "0");
        Element table = new Element("table");
        Element cap = new Element("caption");
        cap.setText(caption);
        table.appendChild(cap);
        Element head = new Element("thead");
        Element row = new Element("tr");
        for (String h : headers) {
            Element th = new Element("th");
            th.setAttribute("scope", "col");
            th.setText(h);
            row.appendChild(th);
        }
        head.appendChild(row);
        table.appendChild(head, body);
        getElement().appendChild(table);
    }

    /** Adds a row; each cell is text or a component. The first cell is the row's header. */
    void row(Object... cells) {
        Element tr = new Element("tr");
        boolean first = true;
        for (Object c : cells) {
            Element cell = new Element(first ? "th" : "td");
            if (first) {
                cell.setAttribute("scope", "row");
            }
            first = false;
            if (c instanceof Component comp) {
                cell.appendChild(comp.getElement());
            } else {
                cell.setText(c == null ? "" : c.toString());
            }
            tr.appendChild(cell);
        }
        body.appendChild(tr);
    }
}
