package cn.econtract.app.signing;

import cn.econtract.app.kernel.BusinessException;
import cn.econtract.app.kernel.ErrorCode;
import cn.econtract.app.kernel.FieldError;
import cn.econtract.app.kernel.InvalidFieldsException;
import cn.econtract.app.notification.TextMessage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * The factor check at every signature (F3.1): as many different factors as the policy demands,
 * each verified for this very purpose (this signer and document, or this batch). One-time codes
 * are bound to their channel too, so an SMS code never counts as the e-mail factor.
 */
@Service
public class SignerFactors {

    /** One factor as the signer presents it: SMS or EMAIL with the challenge id and code, TOTP with the code. */
    public record Factor(String type, String challengeId, String code) {
    }

    public enum Type { SMS, EMAIL, TOTP }

    private final SignerChallenges challenges;
    private final TotpEnrolments totp;

    SignerFactors(SignerChallenges challenges, TotpEnrolments totp) {
        this.challenges = challenges;
        this.totp = totp;
    }

    /** Sends a one-time code for {@code purpose} by SMS or e-mail. */
    public SignerChallenges.Challenge challenge(String signer, String purpose, TextMessage.Channel channel, String destination) {
        return challenges.send(signer, channelPurpose(purpose, channel.name()), channel, destination);
    }

    /**
     * Verifies the factors; returns the methods used (e.g. {@code SMS+TOTP}) for the signing record.
     * {@code userId} null for a counterparty's signer (no authenticator app enrolled with us).
     */
    public String verify(String signer, String userId, String purpose, List<Factor> factors, int required) {
        List<FieldError> errors = new ArrayList<>();
        Set<Type> used = new LinkedHashSet<>();
        List<Factor> given = factors == null ? List.of() : factors;
        for (int i = 0; i < given.size(); i++) {
            Factor f = given.get(i);
            Type type = parse(f == null ? null : f.type());
            String field = "factors[" + i + "]";
            if (type == null) {
                errors.add(new FieldError(field + ".type", "error.factor.type"));
                continue;
            }
            if (!used.add(type)) {
                errors.add(new FieldError(field + ".type", "error.factor.repeated", type));
                continue;
            }
            String problem = switch (type) {
                case SMS, EMAIL -> {
                    SignerChallenges.Outcome outcome = f.challengeId() == null ? SignerChallenges.Outcome.UNKNOWN
                            : challenges.verify(f.challengeId(), channelPurpose(purpose, type.name()), f.code());
                    yield outcome == SignerChallenges.Outcome.VERIFIED ? null : "error.factor." + outcome.name().toLowerCase(java.util.Locale.ROOT);
                }
                case TOTP -> userId != null && totp.verify(userId, f.code()) ? null : "error.factor.totp";
            };
            if (problem != null) {
                errors.add(new FieldError(field + ".code", problem));
                used.remove(type);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
        if (used.size() < required) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "error.factor.tooFew", required);
        }
        return String.join("+", used.stream().map(Enum::name).toList());
    }

    public boolean totpEnrolled(String userId) {
        return totp.enrolled(userId);
    }

    private static String channelPurpose(String purpose, String channel) {
        return purpose + "/" + channel;
    }

    private static Type parse(String type) {
        try {
            return type == null ? null : Type.valueOf(type);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
