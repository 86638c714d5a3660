package cn.econtract.app.signing;

import java.time.Instant;

/**
 * One signer of a plan. A colleague ({@code userId}) signs with their personal certificate; the
 * seal custodians apply our company seal with the organisation's certificate; a counterparty's
 * signer has no account and signs through an e-mailed link. {@code email}/{@code phone} are where
 * one-time codes go (sealed at rest).
 */
public record Signer(String id, String planId, int position, Party party, Appearance appearance, String displayName,
                     String organisation, String userId, String email, String phone, String idNumber, Status status,
                     String taskId, Instant signedAt, String signedBy, String authMethods, String clientIp,
                     String certificateSerial, String signatureField, Integer revision, String refusalReason) {

    public enum Party { OURS, COUNTERPARTY }

    /** SIGNATURE: a person's handwritten signature; SEAL: the organisation's seal (and 骑缝章 across pages). */
    public enum Appearance { SIGNATURE, SEAL }

    public enum Status { WAITING, SIGNED, REFUSED }

    public boolean external() {
        return party == Party.COUNTERPARTY;
    }

    /** Who the certificate is for: the organisation for a seal, else the person. */
    public boolean organisationSigns() {
        return appearance == Appearance.SEAL;
    }
}
