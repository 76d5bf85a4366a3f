package org.contactguard.core.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The setters {@link ProposedAction.Builder} and {@link ContactAttempt.Builder} share, one per
 * {@link Contact} field, written once. {@code identifiesCaller} starts true, every other field
 * empty or false; the record's constructor validates and applies the contract defaults.
 *
 * @param <B> the concrete builder, returned by every setter so calls chain
 */
public abstract class ContactBuilder<B extends ContactBuilder<B>> {
    Channel channel;
    Instant at;
    Recipient recipient;
    String thirdPartyId;
    ContactPoint contactPoint;
    Place place;
    List<String> accountIds;
    Purpose purpose;
    Initiator initiatedBy;
    boolean automated;
    boolean prerecorded;
    boolean viaPersonalDevice;
    Visibility visibility;
    String content;
    boolean leavesMessage;
    boolean identifiesCaller = true;
    boolean disclosesDebt;
    VisitDetails visit;

    public B channel(Channel channel) {
        this.channel = channel;
        return self();
    }

    public B at(Instant at) {
        this.at = at;
        return self();
    }

    public B recipient(Recipient recipient) {
        this.recipient = recipient;
        return self();
    }

    public B thirdPartyId(String thirdPartyId) {
        this.thirdPartyId = thirdPartyId;
        return self();
    }

    public B contactPoint(ContactPoint contactPoint) {
        this.contactPoint = contactPoint;
        return self();
    }

    public B place(Place place) {
        this.place = place;
        return self();
    }

    /** Replaces the account ids. */
    public B accountIds(List<String> accountIds) {
        this.accountIds = accountIds == null ? null : new ArrayList<>(accountIds);
        return self();
    }

    /** Replaces the account ids. */
    public B accountIds(String... accountIds) {
        this.accountIds = accountIds == null ? null : new ArrayList<>(Arrays.asList(accountIds));
        return self();
    }

    public B purpose(Purpose purpose) {
        this.purpose = purpose;
        return self();
    }

    public B initiatedBy(Initiator initiatedBy) {
        this.initiatedBy = initiatedBy;
        return self();
    }

    public B automated(boolean automated) {
        this.automated = automated;
        return self();
    }

    /** A CALL that plays an artificial or prerecorded voice message (only allowed on calls). */
    public B prerecorded(boolean prerecorded) {
        this.prerecorded = prerecorded;
        return self();
    }

    public B viaPersonalDevice(boolean viaPersonalDevice) {
        this.viaPersonalDevice = viaPersonalDevice;
        return self();
    }

    public B visibility(Visibility visibility) {
        this.visibility = visibility;
        return self();
    }

    public B content(String content) {
        this.content = content;
        return self();
    }

    public B leavesMessage(boolean leavesMessage) {
        this.leavesMessage = leavesMessage;
        return self();
    }

    public B identifiesCaller(boolean identifiesCaller) {
        this.identifiesCaller = identifiesCaller;
        return self();
    }

    public B disclosesDebt(boolean disclosesDebt) {
        this.disclosesDebt = disclosesDebt;
        return self();
    }

    public B visit(VisitDetails visit) {
        this.visit = visit;
        return self();
    }

    ContactBuilder() {
    }

    /** This builder, typed as the concrete builder. */
    abstract B self();
}
