package cn.econtract.app.signing;

import cn.econtract.app.kernel.Sha256;

/**
 * FAKE — a stand-in for a certified real-name/face verification vendor, which cannot run here. It
 * checks only what can be checked offline: the 18-digit resident ID number's GB 11643 check digit,
 * a plausible name and a mainland mobile number. It does not prove who the person is. Replace it
 * with the vendor's adapter ({@code econtract.signing.real-name}) before signing real contracts.
 */
class DemoRealNameVerifier implements RealNameVerifier {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    @Override
    public Verdict verify(String name, String idNumber, String phone) {
        String reference = "demo-" + Sha256.hex((name + "|" + idNumber).getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 16);
        if (name == null || name.isBlank() || name.strip().length() > 32) {
            return new Verdict(false, "demo", reference, "name");
        }
        if (!validId(idNumber)) {
            return new Verdict(false, "demo", reference, "idNumber");
        }
        if (phone == null || !phone.matches("1[3-9]\\d{9}")) {
            return new Verdict(false, "demo", reference, "phone");
        }
        return new Verdict(true, "demo", reference, null);
    }

    static boolean validId(String id) {
        if (id == null || !id.matches("\\d{17}[\\dXx]")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * WEIGHTS[i];
        }
        return Character.toUpperCase(id.charAt(17)) == CHECK.charAt(sum % 11);
    }
}
