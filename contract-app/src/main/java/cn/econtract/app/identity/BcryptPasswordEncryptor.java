package cn.econtract.app.identity;

import org.camunda.bpm.engine.impl.digest.PasswordEncryptor;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Makes Camunda hash passwords with bcrypt instead of its default salted SHA-512. Camunda still
 * checks hashes stored with its default SHA-512, so existing users can still log in.
 */
class BcryptPasswordEncryptor implements PasswordEncryptor {

    static final String NAME = "BCRYPT";
    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(10);

    @Override
    public String encrypt(String password) {
        return bcrypt.encode(password);
    }

    @Override
    public boolean check(String password, String encrypted) {
        return encrypted != null && bcrypt.matches(password, encrypted);
    }

    @Override
    public String hashAlgorithmName() {
        return NAME;
    }
}
