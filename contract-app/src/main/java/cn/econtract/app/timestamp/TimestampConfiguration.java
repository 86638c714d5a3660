package cn.econtract.app.timestamp;

import cn.econtract.app.crypto.KeyEncryptionKeyProvider;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/** The embedded authority always exists (it serves {@code /tsa}); the port uses it unless an external TSA is set. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TimestampProperties.class)
public class TimestampConfiguration {

    @Bean
    EmbeddedTimeStampAuthority embeddedTimeStampAuthority(KeyEncryptionKeyProvider keys, TimestampProperties properties,
                                                          Clock clock) {
        keys.signingCertificate(KeyEncryptionKeyProvider.TIME_STAMPING);  // key made at start-up, see AnchoringConfiguration
        return new EmbeddedTimeStampAuthority(keys, properties.policy(), clock);
    }

    @Bean
    @Primary
    TimeStampAuthority timeStampAuthority(TimestampProperties properties, EmbeddedTimeStampAuthority embedded) {
        return switch (properties.authority()) {
            case TimestampProperties.EMBEDDED -> embedded;
            case TimestampProperties.HTTP -> new HttpTimeStampAuthority(properties);
            default -> throw new IllegalArgumentException(
                    "econtract.timestamp.authority must be embedded or http, was " + properties.authority());
        };
    }
}
