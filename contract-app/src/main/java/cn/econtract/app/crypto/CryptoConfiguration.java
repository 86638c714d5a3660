package cn.econtract.app.crypto;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class CryptoConfiguration {

    /** PKCS#12 is the default; an HSM adapter replaces it by declaring its own provider bean. */
    @Bean
    @ConditionalOnMissingBean
    KeyEncryptionKeyProvider keyEncryptionKeyProvider(CryptoProperties properties) {
        return new Pkcs12KeyProvider(properties);
    }

    @Bean
    EnvelopeCipher envelopeCipher(KeyEncryptionKeyProvider keys) {
        return new EnvelopeCipher(keys);
    }
}
