package cn.econtract.app.crypto;

import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embedded default key provider: AES-256 KEKs ({@code kek-0001}, {@code kek-0002}, …; the highest
 * is active) and HMAC keys ({@code mac-<purpose>}) in a PKCS#12 key store. Data keys are wrapped
 * with AES Key Wrap (RFC 3394).
 */
public class Pkcs12KeyProvider implements KeyEncryptionKeyProvider, SigningKeyStore {

    private static final Logger log = LoggerFactory.getLogger(Pkcs12KeyProvider.class);
    private static final String KEK_PREFIX = "kek-";
    private static final String MAC_PREFIX = "mac-";
    private static final String SIG_PREFIX = "sig-";
    private static final String KEY_PREFIX = "pk-";

    private final Path path;
    private final char[] password;
    private final KeyStore store;
    /** SM2 signing keys: the JDK's PKCS#12 cannot read SM2 certificates, Bouncy Castle's can (and needs no secret keys). */
    private KeyStore smStore;
    private final java.util.Map<String, SecretKey> secrets = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<String, KeyStore.PrivateKeyEntry> signing = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<String, KeyStore.PrivateKeyEntry> keyEntries = new java.util.concurrent.ConcurrentHashMap<>();

    public Pkcs12KeyProvider(CryptoProperties properties) {
        this.path = properties.keystorePath();
        this.password = resolvePassword(properties);
        this.store = loadOrCreate();
    }

    @Override
    public synchronized String activeKeyId() {
        return kekAliases().stream().max(Comparator.naturalOrder())
                .orElseThrow(() -> new IllegalStateException("key store has no KEK"));
    }

    @Override
    public byte[] wrap(String kekId, SecretKey dataKey) {
        try {
            Cipher cipher = Cipher.getInstance("AESWrap");
            cipher.init(Cipher.WRAP_MODE, secret(kekId));
            return cipher.wrap(dataKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot wrap data key with " + kekId, e);
        }
    }

    @Override
    public SecretKey unwrap(String kekId, byte[] wrappedKey) {
        try {
            Cipher cipher = Cipher.getInstance("AESWrap");
            cipher.init(Cipher.UNWRAP_MODE, secret(kekId));
            return (SecretKey) cipher.unwrap(wrappedKey, "AES", Cipher.SECRET_KEY);
        } catch (GeneralSecurityException e) {
            // AES Key Wrap carries its own integrity check: a changed wrapped key lands here
            throw new TamperedDataException("wrapped data key does not unwrap under " + kekId, e);
        }
    }

    @Override
    public synchronized String rotate() {
        String next = String.format("%s%04d", KEK_PREFIX, kekAliases().size() + 1);
        putSecret(next, newKey("AES", 256));
        save();
        log.info("Created key-encryption key {} (now active)", next);
        return next;
    }

    @Override
    public synchronized SecretKey macKey(String purpose) {
        String alias = MAC_PREFIX + purpose;
        try {
            if (!store.containsAlias(alias)) {
                putSecret(alias, newKey("HmacSHA256", 256));
                save();
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return secret(alias);
    }

    @Override
    public X509Certificate signingCertificate(String purpose) {
        return (X509Certificate) signingEntry(purpose).getCertificate();
    }

    @Override
    public byte[] sign(String purpose, byte[] data) {
        try {
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(signingEntry(purpose).getPrivateKey());
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with " + SIG_PREFIX + purpose, e);
        }
    }

    private KeyStore.PrivateKeyEntry signingEntry(String purpose) {
        KeyStore.PrivateKeyEntry cached = signing.get(purpose);
        return cached != null ? cached : loadSigningEntry(purpose);
    }

    private synchronized KeyStore.PrivateKeyEntry loadSigningEntry(String purpose) {
        String alias = SIG_PREFIX + purpose;
        try {
            if (!store.containsAlias(alias)) {
                KeyPair pair = KeyAlgorithm.EC_P256.generate(null);
                X509Certificate certificate = SelfSignedCertificate.create(pair, "CN=econtract platform " + purpose + ",O=econtract",
                        TIME_STAMPING.equals(purpose));
                store.setEntry(alias, new KeyStore.PrivateKeyEntry(pair.getPrivate(), new Certificate[] {certificate}),
                        new KeyStore.PasswordProtection(password));
                save();
                log.info("Created platform signing key {}", alias);
            }
            KeyStore.PrivateKeyEntry entry = (KeyStore.PrivateKeyEntry) store.getEntry(alias, new KeyStore.PasswordProtection(password));
            signing.put(purpose, entry);
            return entry;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open signing key " + alias, e);
        }
    }

    @Override
    public synchronized PublicKey keyPair(String alias, KeyAlgorithm algorithm) {
        String stored = KEY_PREFIX + alias;
        try {
            if (holderOf(stored) == null) {
                KeyPair pair = algorithm.generate(null);
                // PKCS#12 keeps a private key only with a chain: a placeholder until the CA certifies it
                X509Certificate placeholder = SelfSignedCertificate.placeholder(pair, alias, null);
                KeyStore target = algorithm == KeyAlgorithm.SM2 ? smStore() : store;
                target.setEntry(stored, new KeyStore.PrivateKeyEntry(pair.getPrivate(), new Certificate[] {placeholder}),
                        new KeyStore.PasswordProtection(password));
                save();
            }
            return entry(stored).getCertificate().getPublicKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create key " + alias, e);
        }
    }

    @Override
    public synchronized void certify(String alias, List<X509Certificate> chain) {
        String stored = KEY_PREFIX + alias;
        KeyStore.PrivateKeyEntry entry = entry(stored);
        if (!java.util.Arrays.equals(entry.getCertificate().getPublicKey().getEncoded(), chain.get(0).getPublicKey().getEncoded())) {
            throw new IllegalArgumentException("certificate is not for the key " + alias);
        }
        try {
            holderOf(stored).setEntry(stored, new KeyStore.PrivateKeyEntry(entry.getPrivateKey(), chain.toArray(Certificate[]::new)),
                    new KeyStore.PasswordProtection(password));
            keyEntries.remove(stored);
            save();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot store the chain of " + alias, e);
        }
    }

    @Override
    public List<X509Certificate> chain(String alias) {
        String stored = KEY_PREFIX + alias;
        if (holderOf(stored) == null) {
            return List.of();
        }
        Certificate[] chain = entry(stored).getCertificateChain();
        if (SelfSignedCertificate.isPlaceholder((X509Certificate) chain[0])) {
            return List.of();
        }
        return java.util.Arrays.stream(chain).map(c -> (X509Certificate) c).toList();
    }

    @Override
    public byte[] signWith(String alias, byte[] data) {
        KeyStore.PrivateKeyEntry entry = entry(KEY_PREFIX + alias);
        try {
            Signature signature = Signature.getInstance(KeyAlgorithm.of(entry.getCertificate().getPublicKey()).signatureAlgorithm());
            signature.initSign(entry.getPrivateKey());
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with " + alias, e);
        }
    }

    private KeyStore.PrivateKeyEntry entry(String stored) {
        return keyEntries.computeIfAbsent(stored, a -> {
            try {
                KeyStore holder = holderOf(a);
                if (holder == null) {
                    throw new IllegalArgumentException("no key " + a + " in the key store");
                }
                KeyStore.Entry e = holder.getEntry(a, new KeyStore.PasswordProtection(password));
                if (!(e instanceof KeyStore.PrivateKeyEntry privateKey)) {
                    throw new IllegalArgumentException("no key " + a + " in the key store");
                }
                return privateKey;
            } catch (GeneralSecurityException ex) {
                throw new IllegalStateException("cannot read key " + a, ex);
            }
        });
    }

    /**
     * Keys are read from the store once: a PKCS#12 read derives the entry's key from the password
     * (thousands of PBKDF2 rounds), which cost more than the decryption it served on every read.
     */
    private SecretKey secret(String alias) {
        return secrets.computeIfAbsent(alias, a -> {
            try {
                Key key = store.getKey(a, password);
                if (!(key instanceof SecretKey secretKey)) {
                    throw new IllegalArgumentException("no secret key " + a + " in the key store");
                }
                return secretKey;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot read key " + a, e);
            }
        });
    }

    private java.util.List<String> kekAliases() {
        try {
            return Collections.list(store.aliases()).stream().filter(a -> a.startsWith(KEK_PREFIX)).toList();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void putSecret(String alias, SecretKey key) {
        try {
            store.setEntry(alias, new KeyStore.SecretKeyEntry(key), new KeyStore.PasswordProtection(password));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot store key " + alias, e);
        }
    }

    private static SecretKey newKey(String algorithm, int bits) {
        try {
            KeyGenerator generator = KeyGenerator.getInstance(algorithm);
            generator.init(bits, new SecureRandom());
            return generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private KeyStore loadOrCreate() {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            if (Files.exists(path)) {
                try (InputStream in = Files.newInputStream(path)) {
                    ks.load(in, password);
                }
                return ks;
            }
            ks.load(null, password);
            ks.setEntry(KEK_PREFIX + "0001", new KeyStore.SecretKeyEntry(newKey("AES", 256)),
                    new KeyStore.PasswordProtection(password));
            writeStore(ks);
            log.info("Created key store {} with a first key-encryption key", path);
            return ks;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot open key store " + path + " (wrong password?)", e);
        }
    }

    /** The store that holds {@code stored}, or null. */
    private KeyStore holderOf(String stored) {
        try {
            if (store.containsAlias(stored)) {
                return store;
            }
            return smStore().containsAlias(stored) ? smStore() : null;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private synchronized KeyStore smStore() {
        if (smStore == null) {
            Path file = smPath();
            try {
                KeyStore ks = KeyStore.getInstance("PKCS12", org.bouncycastle.jce.provider.BouncyCastleProvider.PROVIDER_NAME);
                if (Files.exists(file)) {
                    try (InputStream in = Files.newInputStream(file)) {
                        ks.load(in, password);
                    }
                } else {
                    ks.load(null, password);
                }
                smStore = ks;
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException("cannot open key store " + file, e);
            }
        }
        return smStore;
    }

    private Path smPath() {
        return path.resolveSibling(path.getFileName() + ".sm2.p12");
    }

    private void save() {
        try {
            if (smStore != null && smStore.size() > 0) {
                writeStore(smStore, smPath());
            }
            writeStore(store);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot save key store " + path, e);
        }
    }

    private void writeStore(KeyStore ks) throws IOException, GeneralSecurityException {
        writeStore(ks, path);
    }

    private void writeStore(KeyStore ks, Path target) throws IOException, GeneralSecurityException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            ks.store(out, password);
        }
        ownerOnly(tmp);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static char[] resolvePassword(CryptoProperties properties) {
        if (properties.hasPassword()) {
            return properties.keystorePassword().toCharArray();
        }
        if (!properties.generateIfMissing()) {
            throw new IllegalStateException(
                    "No key store password: set ECONTRACT_CRYPTO_KEYSTORE_PASSWORD (econtract.crypto.keystore-password)");
        }
        Path passwordFile = properties.generatedPasswordFile();
        try {
            if (Files.exists(passwordFile)) {
                return Files.readString(passwordFile, StandardCharsets.US_ASCII).trim().toCharArray();
            }
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.createDirectories(passwordFile.toAbsolutePath().getParent());
            Files.writeString(passwordFile, generated, StandardCharsets.US_ASCII);
            ownerOnly(passwordFile);
            log.warn("No key store password configured: generated one in {} (owner-only). "
                    + "Set ECONTRACT_CRYPTO_KEYSTORE_PASSWORD in production.", passwordFile);
            return generated.toCharArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot create key store password file " + passwordFile, e);
        }
    }

    /** Readable and writable by the file's owner only (key stores, their generated password, copies of both). */
    public static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the user profile's ACLs apply
        }
    }
}
