package cn.econtract.app.crypto;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

@Configuration(proxyBeanMethods = false)
public class CryptoConfiguration {

    /** PKCS#12 is the default; an HSM adapter replaces it by declaring its own provider bean. */
    @Bean
    @ConditionalOnMissingBean
    KeyEncryptionKeyProvider keyEncryptionKeyProvider(CryptoProperties properties) {
        return new Pkcs12KeyProvider(properties);
    }

    /** The HSM adapter: signing keys on a PKCS#11 token ({@code econtract.crypto.signing-keys=pkcs11}). */
    @Bean
    @Primary
    @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "econtract.crypto.signing-keys", havingValue = "pkcs11")
    SigningKeyStore pkcs11SigningKeyStore(Pkcs11Properties properties) {
        return new Pkcs11SigningKeyStore(properties);
    }

    /** The PKCS#12 provider keeps the signing keys too; an HSM adapter declares its own store. */
    @Bean
    @Primary  // the PKCS#12 provider bean is a SigningKeyStore as well: this is the one to inject
    @ConditionalOnMissingBean
    SigningKeyStore signingKeyStore(KeyEncryptionKeyProvider keys) {
        if (keys instanceof SigningKeyStore store) {
            return store;
        }
        throw new IllegalStateException(keys.getClass().getSimpleName() + " keeps no signing keys: declare a SigningKeyStore bean");
    }

    @Bean
    EnvelopeCipher envelopeCipher(KeyEncryptionKeyProvider keys) {
        return new EnvelopeCipher(keys);
    }
}
