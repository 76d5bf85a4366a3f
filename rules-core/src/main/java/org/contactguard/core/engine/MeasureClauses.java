package org.contactguard.core.engine;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.contactguard.core.model.Channel;
import org.contactguard.core.model.ContactPointKind;
import org.contactguard.core.model.Jurisdictions;
import org.contactguard.core.model.Outcome;
import org.contactguard.core.model.Purpose;
import org.contactguard.core.model.Recipient;
import org.contactguard.core.rules.MeasureFilter;

/**
 * Reads the measure clauses that become a {@link MeasureFilter} (the overlays' vocabulary): lists
 * of channels, recipients, outcomes or contact-point kinds ({@code A|B}, or {@code not A|B}),
 * {@code outcome <CHANNEL> ...} for one channel's outcomes, {@code atWork}, {@code unprompted},
 * {@code purpose not ...} and {@code jurisdiction <code>}. The single-valued {@code channel X},
 * {@code recipient X} and {@code outcome X} stay the measure's own fields, so a measure declared
 * before these clauses existed is the same record as before.
 */
final class MeasureClauses {

    private final Set<Channel> channels = EnumSet.noneOf(Channel.class);
    private final Set<Recipient> recipients = EnumSet.noneOf(Recipient.class);
    private final List<MeasureFilter.OutcomeClause> outcomes = new ArrayList<>();
    private final Set<ContactPointKind> kinds = EnumSet.noneOf(ContactPointKind.class);
    private boolean kindsExcluded;
    private boolean atWork;
    private boolean unprompted;
    private final Set<Purpose> purposesExcluded = EnumSet.noneOf(Purpose.class);
    private String jurisdiction;

    /**
     * Reads {@code words} (one clause) if it is one of these clauses and returns true; false for any
     * other clause, which the caller reads.
     *
     * @throws IllegalArgumentException naming what is wrong with a clause of these kinds
     */
    boolean read(String[] words) {
        String word = words[0];
        boolean negated = words.length == 3 && words[1].equals("not");
        String list = words[words.length - 1];
        switch (word) {
            case "atWork", "unprompted" -> {
                if (words.length != 1) {
                    throw new IllegalArgumentException("'" + word + "' takes no argument");
                }
                if (word.equals("atWork")) {
                    atWork = true;
                } else {
                    unprompted = true;
                }
                return true;
            }
            case "channel", "recipient", "contactPoint" -> {
                if (words.length == 2 && list.indexOf('|') < 0 && !word.equals("contactPoint")) {
                    return false;
                }
                requireShape(words, negated, word);
                if (word.equals("channel")) {
                    Set<Channel> named = values(Channel.class, list);
                    channels.addAll(negated ? complement(named) : named);
                } else if (word.equals("recipient")) {
                    Set<Recipient> named = values(Recipient.class, list);
                    recipients.addAll(negated ? complement(named) : named);
                } else {
                    kinds.addAll(values(ContactPointKind.class, list));
                    kindsExcluded = negated;
                }
                return true;
            }
            case "purpose" -> {
                if (!negated) {
                    throw new IllegalArgumentException("write 'purpose not A|B' (the purposes left out)");
                }
                purposesExcluded.addAll(values(Purpose.class, list));
                return true;
            }
            case "jurisdiction" -> {
                if (words.length != 2) {
                    throw new IllegalArgumentException("write 'jurisdiction <code>', e.g. 'jurisdiction US-MA'");
                }
                jurisdiction = Jurisdictions.normalise(list, "jurisdiction");
                return true;
            }
            case "outcome" -> {
                return outcome(words);
            }
            default -> {
                return false;
            }
        }
    }

    /** {@code outcome [CHANNEL] [not] A|B|unknown|messageLeft|personContacted}; a bare {@code outcome X} is the caller's. */
    private boolean outcome(String[] words) {
        if (words.length == 2 && words[1].indexOf('|') < 0 && words[1].matches("[A-Z_]+")) {
            return false;
        }
        int at = 1;
        Channel channel = null;
        if (words.length > at + 1 && !words[at].equals("not")) {
            channel = Channel.valueOf(words[at]);
            at++;
        }
        boolean excluded = words.length > at + 1 && words[at].equals("not");
        if (excluded) {
            at++;
        }
        if (words.length != at + 1) {
            throw new IllegalArgumentException("write 'outcome [CHANNEL] [not] A|B|unknown'");
        }
        Set<Outcome> listed = EnumSet.noneOf(Outcome.class);
        boolean unknown = false;
        boolean messageLeft = false;
        boolean personContacted = false;
        for (String name : words[at].split("\\|")) {
            switch (name) {
                case "unknown" -> unknown = true;
                case "messageLeft" -> messageLeft = true;
                case "personContacted" -> personContacted = true;
                default -> listed.add(Outcome.valueOf(name));
            }
        }
        outcomes.add(new MeasureFilter.OutcomeClause(channel, excluded, listed, unknown, messageLeft, personContacted));
        return true;
    }

    private static void requireShape(String[] words, boolean negated, String word) {
        if (words.length != 2 && !negated) {
            throw new IllegalArgumentException("write '" + word + " A|B' or '" + word + " not A|B'");
        }
    }

    private static <E extends Enum<E>> Set<E> values(Class<E> type, String list) {
        Set<E> values = EnumSet.noneOf(type);
        for (String name : list.split("\\|")) {
            values.add(Enum.valueOf(type, name));
        }
        return values;
    }

    private static <E extends Enum<E>> Set<E> complement(Set<E> named) {
        return EnumSet.complementOf(EnumSet.copyOf(named));
    }

    /** The clauses read, as the measure's filter ({@link MeasureFilter#NONE} when there were none). */
    MeasureFilter filter() {
        MeasureFilter filter = new MeasureFilter(channels, recipients, outcomes, kinds, kindsExcluded, atWork, unprompted,
                purposesExcluded, jurisdiction);
        return filter.equals(MeasureFilter.NONE) ? MeasureFilter.NONE : filter;
    }
}
