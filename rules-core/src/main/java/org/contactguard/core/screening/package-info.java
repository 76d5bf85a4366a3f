/**
 * Message screening: finds concerns (threats, impersonation, criminalising language, disclosure of
 * the debt…) in message text with evidence, from a pack's editable lexicon and pattern files.
 * {@link org.contactguard.core.screening.Screener} is the entry point; docs/screening.md describes
 * the file format. Screening reports and never decides: rules weigh what it found.
 */
package org.contactguard.core.screening;
