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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The factor check at every signature (F3.1): as many different factors as the policy demands,
 * each verified for this very purpose (this signer and document, or this batch). One-time codes
 * are bound to their channel too, so an SMS code never counts as the e-mail factor.
 */
@Service
public class SignerFactors {

    /**
     * One factor as the signer presents it: SMS or EMAIL with the challenge id and code, TOTP with
     * the code, PASSKEY with the challenge id and the assertion (the PublicKeyCredential as JSON).
     */
    public record Factor(String type, String challengeId, String code, String assertion) {
    }

    public enum Type { SMS, EMAIL, TOTP, PASSKEY }

    private final SignerChallenges challenges;
    private final TotpEnrolments totp;
    private final Passkeys passkeys;

    private final TransactionTemplate own;

    SignerFactors(SignerChallenges challenges, TotpEnrolments totp, Passkeys passkeys, PlatformTransactionManager transactions) {
        this.challenges = challenges;
        this.totp = totp;
        this.passkeys = passkeys;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** A passkey challenge for {@code purpose}: only a colleague with a registered passkey has one. */
    public Passkeys.Options passkeyChallenge(String userId, String purpose) {
        if (userId == null) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "error.passkey.none");
        }
        return passkeys.assertionOptions(userId, channelPurpose(purpose, Type.PASSKEY.name()));
    }

    /** Sends a one-time code for {@code purpose} by SMS or e-mail. */
    public SignerChallenges.Challenge challenge(String signer, String purpose, TextMessage.Channel channel, String destination) {
        return challenges.send(signer, channelPurpose(purpose, channel.name()), channel, destination);
    }

    /**
     * Verifies the factors; returns the methods used (e.g. {@code SMS+TOTP}) for the signing record.
     * {@code userId} null for a counterparty's signer (no authenticator app enrolled with us).
     */
    public String verify(String signer, String userId, String purpose, List<Factor> factors, int required, String origin) {
        // in a transaction of its own that commits: a wrong code counts towards the cap and a used one
        // stays used even though the signature that asked is refused
        Verdict verdict = own.execute(status -> check(userId, purpose, factors, origin));
        if (!verdict.errors().isEmpty()) {
            throw new InvalidFieldsException(verdict.errors());
        }
        if (verdict.used().size() < required) {
            throw new BusinessException(ErrorCode.VALIDATION_FAILED, "error.factor.tooFew", required);
        }
        return String.join("+", verdict.used().stream().map(Enum::name).toList());
    }

    private record Verdict(Set<Type> used, List<FieldError> errors) {
    }

    private Verdict check(String userId, String purpose, List<Factor> factors, String origin) {
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
                case PASSKEY -> userId != null && passkeys.verify(userId, channelPurpose(purpose, type.name()), f.challengeId(),
                        f.assertion(), origin) ? null : "error.factor.passkey";
            };
            if (problem != null) {
                errors.add(new FieldError(field + ".code", problem));
                used.remove(type);
            }
        }
        return new Verdict(used, errors);
    }

    public boolean totpEnrolled(String userId) {
        return totp.enrolled(userId);
    }

    public boolean passkeyRegistered(String userId) {
        return passkeys.registered(userId);
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
