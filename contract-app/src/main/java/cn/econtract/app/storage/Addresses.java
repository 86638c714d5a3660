package cn.econtract.app.storage;

import java.util.regex.Pattern;

/** An object's address is the SHA-256 of its plaintext, lower-case hex: nothing else reaches a path. */
final class Addresses {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private Addresses() {
    }

    static String check(String address) {
        if (address == null || !SHA256.matcher(address).matches()) {
            throw new IllegalArgumentException("not a document address: " + address);
        }
        return address;
    }
}
