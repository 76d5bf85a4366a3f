/**
 * The Drools side: reading rule packs from the classpath or a folder, checking every rule's
 * metadata and every parameter at load (with file and line), compiling one immutable KieBase, and
 * evaluating a request against it in a pooled session.
 *
 * <p>Nothing here decides a verdict: evaluation returns the {@link org.contactguard.core.rules.Finding}s
 * rules inserted, and {@code org.contactguard.core.decision} turns them into a decision.
 */
package org.contactguard.core.engine;
