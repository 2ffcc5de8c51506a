/** Sign-in, password hashing and the web security rules. */
package uk.carenav.security;
