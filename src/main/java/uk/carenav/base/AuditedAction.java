package uk.carenav.base;


/**
 * Something an administrator or supervisor did that the audit trail must keep: published as an
 * application event by the module that did it, written to the trail in the same transaction.
 *
 * @param actor the username of whoever did it
 * @param action a short code, e.g. ACCOUNT_CREATED
 * @param detail what exactly, in words; never a password
 */
public record AuditedAction(String actor, String action, String detail) {
}
