/**
 * Sign-in (limits, lockout, login CSRF check), password hashing, the web security rules and the hash-chained
 * audit trail. Owns {@code audit_event} and {@code audit_head}; other modules write to the trail only by
 * publishing an {@link uk.carenav.base.AuditedAction}.
 */
package uk.carenav.security;
