/**
 * The vocabulary rule files are written in: derived facts that Java computes once per decision
 * (the proposed moment in each of the debtor's zones, counts over the contact history) and
 * {@link org.contactguard.core.rules.Finding}, the record a rule inserts when it fires.
 *
 * <p>Heavy work lives here rather than in DRL so that rules stay declarative (a rule compares a
 * count to a parameter) and fast: scanning fifty attempts in Java costs far less than matching
 * fifty facts in the engine.
 */
package org.contactguard.core.rules;
