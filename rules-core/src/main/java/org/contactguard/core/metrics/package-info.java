/**
 * Micrometer meters for an engine ({@link org.contactguard.core.metrics.MicrometerDecisionListener}).
 * Needs {@code io.micrometer:micrometer-core} on the class path, which Contactguard does not bring:
 * nothing here is loaded unless the application creates the listener.
 */
package org.contactguard.core.metrics;
