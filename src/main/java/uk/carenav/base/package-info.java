/**
 * The ground floor every feature stands on, importing none of them: invalid input naming its field, the
 * audited-action event, spreadsheet-text rules, the signed-in user, UK time (Europe/London, dd/MM/yyyy) and
 * British locale; in {@code ui}, the frame around every page (menu, signed-in badge), home and error pages.
 */
package uk.carenav.base;
