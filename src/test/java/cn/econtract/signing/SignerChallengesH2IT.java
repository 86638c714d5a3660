package cn.econtract.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.econtract.app.kernel.BusinessException;
import cn.econtract.app.kernel.ErrorCode;
import cn.econtract.app.notification.TextMessage;
import cn.econtract.app.signing.SignerChallenges;
import cn.econtract.support.Http;
import cn.econtract.support.OnH2;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One-time codes for signers through the embedded outbox (the demo SMS/e-mail sink administrators
 * read): delivered, verified once, locked after five wrong tries, rate-limited, bound to the document.
 */
@OnH2
class SignerChallengesH2IT {

    private static final Pattern CODE = Pattern.compile("验证码为 (\\d{6})");

    @LocalServerPort
    int port;
    @Autowired
    SignerChallenges challenges;

    @Test
    void aCodeFromTheOutboxVerifiesOnceForItsDocumentOnly() {
        String signer = "signer-" + UUID.randomUUID();
        String phone = "139" + String.format("%08d", Math.abs(UUID.randomUUID().hashCode()) % 100_000_000);
        SignerChallenges.Challenge challenge = challenges.send(signer, "contract-1", TextMessage.Channel.SMS, phone);
        assertThat(challenge.sentTo()).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));

        String code = codeFor(phone);
        assertThat(challenges.verify(challenge.id(), "contract-2", code)).isEqualTo(SignerChallenges.Outcome.UNKNOWN);
        assertThat(challenges.verify(challenge.id(), "contract-1", code)).isEqualTo(SignerChallenges.Outcome.VERIFIED);
        assertThat(challenges.verify(challenge.id(), "contract-1", code)).as("used once").isEqualTo(SignerChallenges.Outcome.UNKNOWN);

        assertThatThrownBy(() -> challenges.send(signer, "contract-1", TextMessage.Channel.SMS, phone))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TOO_MANY_REQUESTS));
        assertThat(Http.basic(port, "drafter", "demo").get("/api/v1/notifications/outbox").statusCode()).isEqualTo(403);
    }

    @Test
    void fiveWrongCodesLockTheChallengeEvenForTheRightOne() {
        String email = "signer" + UUID.randomUUID().toString().substring(0, 8) + "@example.cn";
        SignerChallenges.Challenge challenge = challenges.send("signer-" + UUID.randomUUID(), "contract-9",
                TextMessage.Channel.EMAIL, email);
        assertThat(challenge.sentTo()).startsWith(email.charAt(0) + "***@");
        String code = codeFor(email);
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 4; i++) {
            assertThat(challenges.verify(challenge.id(), "contract-9", wrong)).isEqualTo(SignerChallenges.Outcome.WRONG_CODE);
        }
        assertThat(challenges.verify(challenge.id(), "contract-9", wrong)).isEqualTo(SignerChallenges.Outcome.LOCKED);
        assertThat(challenges.verify(challenge.id(), "contract-9", code)).isEqualTo(SignerChallenges.Outcome.LOCKED);
    }

    @Test
    void aDestinationThatIsNoPhoneOrAddressIsRefused() {
        assertThatThrownBy(() -> challenges.send("signer-x", "c", TextMessage.Channel.SMS, "12345"))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
        assertThatThrownBy(() -> challenges.send("signer-y", "c", TextMessage.Channel.EMAIL, "not-an-address"))
                .isInstanceOf(BusinessException.class);
    }

    private String codeFor(String destination) {
        JsonNode outbox = Http.json(Http.basic(port, "admin", "demo").get("/api/v1/notifications/outbox?destination=" + destination));
        assertThat(outbox).hasSize(1);
        Matcher m = CODE.matcher(outbox.get(0).get("body").asText());
        assertThat(m.find()).as(outbox.toString()).isTrue();
        return m.group(1);
    }
}
