/**
 * Holiday calendars as editable data files: which local dates are public or statutory holidays and
 * which weekend days are worked instead (China's 调休), per jurisdiction and year. A date in a year a
 * calendar lacks fails closed ({@link org.contactguard.core.calendar.MissingCalendarYearException}).
 * Not yet used by any rule.
 */
package org.contactguard.core.calendar;
