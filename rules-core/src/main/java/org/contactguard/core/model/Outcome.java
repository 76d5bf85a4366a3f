package org.contactguard.core.model;

/**
 * How a past contact attempt ended. The packs count an attempt as having reached the dialled number
 * unless it was {@code BUSY}, {@code NOT_IN_SERVICE} or {@code FAILED} (see {@link #connectedToNumber()}).
 */
public enum Outcome {
    /** A conversation with the intended person took place. */
    CONNECTED,
    /** It rang out. */
    NO_ANSWER,
    /** It reached voicemail; whether a message was left is {@link ContactAttempt#messageLeft()}. */
    VOICEMAIL,
    BUSY,
    NOT_IN_SERVICE,
    DELIVERED,
    /** It never reached the network. */
    FAILED,
    /** The person refused to talk or asked not to be contacted again. */
    REFUSED,
    /** A visit where no one was met. */
    NOBODY_HOME,
    /** A visit where the person was met. */
    MET;

    /** Whether the attempt reached the dialled number or address, the convention the frequency caps count by. */
    public boolean connectedToNumber() {
        return switch (this) {
            case BUSY, NOT_IN_SERVICE, FAILED -> false;
            default -> true;
        };
    }
}
