package cn.econtract.app.signing;

/**
 * A certified real-name (实名) or face verification service: checks that a name, an ID number and
 * a phone belong together (and, for face services, that the person is present) before a personal
 * certificate is issued to a counterparty's signer. Only the verdict and the provider's reference
 * come back; no photo, face template or other biometric is ever stored by us (S9).
 */
public interface RealNameVerifier {

    Verdict verify(String name, String idNumber, String phone);

    /** {@code reference}: the provider's transaction id, kept in the signing record as proof the check ran. */
    record Verdict(boolean verified, String provider, String reference, String reason) {
    }
}
