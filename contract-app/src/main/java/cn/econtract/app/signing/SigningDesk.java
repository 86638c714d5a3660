package cn.econtract.app.signing;

import cn.econtract.app.approval.ApprovalTasks;
import cn.econtract.app.approval.EngineCalls;
import cn.econtract.app.audit.OperationAction;
import cn.econtract.app.audit.OperationLogService;
import cn.econtract.app.audit.OperationRecord;
import cn.econtract.app.contract.ContractService;
import cn.econtract.app.identity.AccessService;
import cn.econtract.app.identity.Grants;
import cn.econtract.app.identity.Permission;
import cn.econtract.app.identity.UserProfile;
import cn.econtract.app.kernel.BusinessException;
import cn.econtract.app.kernel.ContractEvent;
import cn.econtract.app.kernel.ErrorCode;
import cn.econtract.app.kernel.FieldError;
import cn.econtract.app.kernel.InvalidFieldsException;
import cn.econtract.app.kernel.Sha256;
import cn.econtract.app.notification.TextMessage;
import cn.econtract.app.pki.CertificateAuthority;
import cn.econtract.app.pki.HolderType;
import cn.econtract.app.pki.IssuedCertificate;
import cn.econtract.app.seal.CompanySeals;
import cn.econtract.app.seal.Handwritings;
import cn.econtract.app.seal.PngImages;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 签署台: where a signer signs or refuses. A colleague works on their task (the seal custodians on
 * the seal's); a counterparty's signer through their link's token. Every signature needs the
 * policy's factors for this signer and document, then the signer's key — inside the key store,
 * used only now — signs the latest revision as a new incremental one with the handwritten
 * signature or seal on it; the revision is kept sealed, the event goes to the evidence trail and
 * the signer's process moves on.
 */
@Service
public class SigningDesk {

    private final SigningRepository repository;
    private final SignerFactors factors;
    private final PadesSigner pades;
    private final CertificateAuthority ca;
    private final CompanySeals seals;
    private final Handwritings handwritings;
    private final ContractService contracts;
    private final OperationLogService log;
    private final AccessService access;
    private final ApprovalTasks approvals;
    private final EngineCalls engine;
    private final TaskService tasks;
    private final RealNameVerifier realName;
    private final SigningProperties properties;
    private final SigningLinks links;
    private final Clock clock;

    SigningDesk(SigningRepository repository, SignerFactors factors, PadesSigner pades, CertificateAuthority ca, CompanySeals seals,
                Handwritings handwritings, ContractService contracts, OperationLogService log, AccessService access,
                ApprovalTasks approvals, EngineCalls engine, TaskService tasks, RealNameVerifier realName,
                SigningProperties properties, SigningLinks links, Clock clock) {
        this.repository = repository;
        this.factors = factors;
        this.pades = pades;
        this.ca = ca;
        this.seals = seals;
        this.handwritings = handwritings;
        this.contracts = contracts;
        this.log = log;
        this.access = access;
        this.approvals = approvals;
        this.engine = engine;
        this.tasks = tasks;
        this.realName = realName;
        this.properties = properties;
        this.links = links;
        this.clock = clock;
    }

    /** What the signing page shows. */
    public record SigningView(String taskId, String contractId, String contractNo, String title, String signerName,
                              Signer.Party party, Signer.Appearance appearance, String organisation, int factorCount,
                              boolean realName, boolean smsAvailable, boolean emailAvailable, boolean totpAvailable,
                              boolean passkeyAvailable, boolean handwritingOnFile, Instant deadline, String documentSha256) {
    }

    /** A signature's body: the factors, the appearance the signer was arranged for, a freshly drawn signature (PNG, base64). */
    public record SignRequest(List<SignerFactors.Factor> factors, String appearance, String handwriting) {
    }

    public record Signed(String contractId, String signerId, int revision, String documentSha256, String certificateSerial,
                         String authMethods) {
    }

    /** The signer, plan and acting identity behind a task or a link. */
    record Seat(Signer signer, SigningPlan plan, String actorId, String actorName, String userId, UserProfile profile) {
    }

    // ---- colleagues, by task ----------------------------------------------------------------

    public SigningView view(String taskId) {
        return view(internal(taskId));
    }

    public SignerChallenges.Challenge challenge(String taskId, TextMessage.Channel channel) {
        return challenge(internal(taskId), channel);
    }

    /** A passkey challenge for this signature (colleagues with a registered passkey). */
    public Passkeys.Options passkeyChallenge(String taskId) {
        Seat seat = internal(taskId);
        return factors.passkeyChallenge(seat.userId(), purpose(seat.signer(), seat.plan()));
    }

    /** {@code origin}: the page's origin as this server sees it (checked against a passkey assertion). */
    @Transactional
    public Signed sign(String taskId, SignRequest request, String ip, String origin) {
        Seat seat = internal(taskId);
        return sign(seat, request, ip, origin, null);
    }

    @Transactional
    public void refuse(String taskId, String reason, String ip) {
        refuse(internal(taskId), reason, ip);
    }

    Seat internal(String taskId) {
        UserProfile me = access.currentUser();
        return internal(taskId, me);
    }

    Seat internal(String taskId, UserProfile me) {
        Task task = approvals.visible(tasks.createTaskQuery().taskId(taskId), me).singleResult();
        Signer signer = task == null ? null : repository.signerByTask(taskId).orElse(null);
        if (signer == null) {
            throw BusinessException.notFound("signing task", taskId);
        }
        if (signer.organisationSigns() && !me.can(Permission.SEAL_USE)) {
            throw BusinessException.forbidden(Permission.SEAL_USE.code());
        }
        if (!signer.organisationSigns() && !me.id().equals(signer.userId())) {
            throw BusinessException.forbidden(Permission.CONTRACT_SIGN.code());
        }
        SigningPlan plan = repository.plan(signer.planId()).orElseThrow();
        return new Seat(signer, plan, me.id(), me.displayName(), me.id(), me);
    }

    // ---- counterparties, by link -----------------------------------------------------------

    public SigningView viewByToken(String token) {
        return view(external(token));
    }

    public SignerChallenges.Challenge challengeByToken(String token, TextMessage.Channel channel) {
        return challenge(external(token), channel);
    }

    @Transactional
    public Signed signByToken(String token, SignRequest request, String ip) {
        return sign(external(token), request, ip, null, null);
    }

    @Transactional
    public void refuseByToken(String token, String reason, String ip) {
        refuse(external(token), reason, ip);
    }

    /** The document as it stands, for the counterparty to read before signing. */
    public byte[] documentByToken(String token) {
        Seat seat = external(token);
        SigningRepository.Revision latest = repository.latestRevision(seat.plan().contractId()).orElseThrow();
        log.record(OperationRecord.success(seat.actorId(), OperationAction.DOWNLOAD, "contract", seat.plan().contractId())
                .withDetail("signing link, revision " + latest.revision()));
        return repository.content(latest.contractId(), latest.revision());
    }

    Seat external(String token) {
        Signer signer = SigningLinks.wellFormed(token) ? repository.signerByToken(links.mac(token)).orElse(null) : null;
        if (signer == null) {
            throw BusinessException.notFound("signing link", "…");
        }
        SigningPlan plan = repository.plan(signer.planId()).orElseThrow();
        if (plan.status() != SigningPlan.Status.OPEN || signer.status() != Signer.Status.WAITING
                || !plan.deadline().isAfter(clock.instant())) {
            throw BusinessException.stateConflict("error.signing.closed");
        }
        if (signer.taskId() == null || tasks.createTaskQuery().taskId(signer.taskId()).active().singleResult() == null) {
            throw BusinessException.stateConflict("error.signing.notYourTurn");
        }
        String actor = "signer:" + signer.id();
        return new Seat(signer, plan, actor, signer.displayName(), null,
                new UserProfile(actor, signer.displayName(), null, List.of(), List.of(), Grants.NONE));
    }

    // ---- shared ----------------------------------------------------------------------------

    private SigningView view(Seat seat) {
        Signer s = seat.signer();
        ContractService.Header header = contracts.header(seat.plan().contractId());
        String title = contracts.registered(header.id()).contract().title();
        String sha = repository.latestRevision(header.id()).map(SigningRepository.Revision::sha256).orElse(null);
        return new SigningView(s.taskId(), header.id(), header.contractNo(), title, s.organisationSigns() ? s.organisation() : s.displayName(),
                s.party(), s.appearance(), s.organisation(), seat.plan().factorCount(), s.external() && seat.plan().realName(),
                s.phone() != null, email(seat) != null, seat.userId() != null && factors.totpEnrolled(seat.userId()),
                seat.userId() != null && factors.passkeyRegistered(seat.userId()),
                seat.userId() != null && handwritings.of(seat.userId()).isPresent(), seat.plan().deadline(), sha);
    }

    private SignerChallenges.Challenge challenge(Seat seat, TextMessage.Channel channel) {
        if (channel == null) {
            throw new InvalidFieldsException(List.of(new FieldError("channel", "error.challenge.channel")));
        }
        String destination = channel == TextMessage.Channel.SMS ? seat.signer().phone() : email(seat);
        return factors.challenge(seat.actorId(), purpose(seat.signer(), seat.plan()), channel, destination);
    }

    /** Codes go to whoever acts: a colleague's own address (a seal custodian's, not the company's), a counterparty's arranged one. */
    private static String email(Seat seat) {
        return seat.profile().email() != null ? seat.profile().email() : seat.signer().email();
    }

    /** A one-time code is good for this signer and this plan's document only. */
    static String purpose(Signer signer, SigningPlan plan) {
        return "sign:" + signer.id() + ":" + plan.sourceSha256();
    }

    /** {@code batchMethods} non-null: the factors were verified once for a whole batch. */
    Signed sign(Seat seat, SignRequest request, String ip, String origin, String batchMethods) {
        SignRequest body = request == null ? new SignRequest(List.of(), null, null) : request;
        SigningPlan plan = repository.latestPlanForUpdate(seat.plan().contractId()).orElseThrow();
        Signer signer = repository.signer(seat.signer().id()).orElseThrow();
        if (!plan.id().equals(signer.planId()) || plan.status() != SigningPlan.Status.OPEN || signer.status() != Signer.Status.WAITING) {
            throw BusinessException.stateConflict("error.signing.closed");
        }
        if (body.appearance() != null && !body.appearance().equals(signer.appearance().name())) {
            throw new InvalidFieldsException(List.of(new FieldError("appearance", "error.signing.appearance", signer.appearance())));
        }
        byte[] image = image(seat, signer, body.handwriting());
        String methods = batchMethods != null ? batchMethods
                : factors.verify(seat.actorId(), seat.userId(), purpose(signer, plan), body.factors(), plan.factorCount(), origin);
        if (signer.external() && plan.realName()) {
            RealNameVerifier.Verdict verdict = realName.verify(signer.displayName(), signer.idNumber(), signer.phone());
            if (!verdict.verified()) {
                throw new BusinessException(ErrorCode.UNPROCESSABLE_DOCUMENT, "error.signing.realName", verdict.reason());
            }
            methods += "+REAL_NAME(" + verdict.provider() + ":" + verdict.reference() + ")";
        }
        IssuedCertificate certificate = certificate(signer);
        SigningRepository.Revision latest = repository.latestRevision(plan.contractId()).orElseThrow();
        byte[] pdf = repository.content(plan.contractId(), latest.revision());
        List<Signer> all = repository.signers(plan.id());
        boolean certify = all.stream().noneMatch(s -> s.status() == Signer.Status.SIGNED);
        // a seal to come brings its 骑缝章 strips as annotations: the certification must permit them
        int docMdp = all.stream().anyMatch(Signer::organisationSigns) ? 3 : 2;
        Instant now = clock.instant();
        String field = "signer-" + plan.attempt() + "-" + signer.position();
        String name = signer.organisationSigns() ? signer.organisation() : signer.displayName();
        String reason = (signer.external() ? "相对方" : "我方") + (signer.organisationSigns() ? "盖章 seal" : "签署 signature");
        byte[] signed = pades.sign(pdf, new SignatureRequest(certificate.keyAlias(), name, reason, "中国 China", certify, now, docMdp),
                new SignatureAppearance(image, signer.organisationSigns(), signer.position() - 1, field));
        int revision = latest.revision() + 1;
        String hash = Sha256.hex(signed);
        repository.insertRevision(plan.contractId(), revision, plan.id(), "SIGNATURE", signed, now);
        repository.signed(signer.id(), now, seat.actorId(), methods, ip, certificate.serial(), field, revision);
        log.record(OperationRecord.success(seat.actorId(), OperationAction.SIGN, "contract", plan.contractId())
                .withDetail(field + " " + methods + " cert " + certificate.serial() + " sha256:" + hash));
        contracts.event(signer.organisationSigns() ? ContractEvent.Type.SEALED : ContractEvent.Type.SIGNED, plan.contractId(),
                seat.actorId(), field + " " + name + " rev " + revision + " sha256:" + hash + " cert " + certificate.serial()
                        + " via " + methods + (ip == null ? "" : " ip " + ip));
        complete(seat, signer, "SIGNED");
        return new Signed(plan.contractId(), signer.id(), revision, hash, certificate.serial(), methods);
    }

    void refuse(Seat seat, String reason, String ip) {
        if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
            throw new InvalidFieldsException(List.of(new FieldError("reason", "error.signing.reason")));
        }
        SigningPlan plan = repository.latestPlanForUpdate(seat.plan().contractId()).orElseThrow();
        Signer signer = repository.signer(seat.signer().id()).orElseThrow();
        if (!plan.id().equals(signer.planId()) || plan.status() != SigningPlan.Status.OPEN || signer.status() != Signer.Status.WAITING) {
            throw BusinessException.stateConflict("error.signing.closed");
        }
        repository.refused(signer.id(), clock.instant(), seat.actorId(), reason.strip(), ip);
        log.record(OperationRecord.success(seat.actorId(), OperationAction.REJECT, "contract", plan.contractId())
                .withDetail("signing refused by signer " + signer.position() + ": " + reason.strip()));
        contracts.event(ContractEvent.Type.SIGNING_REFUSED, plan.contractId(), seat.actorId(),
                "signer " + signer.position() + " " + signer.displayName() + ": " + reason.strip());
        complete(seat, signer, "REFUSED");
    }

    private void complete(Seat seat, Signer signer, String outcome) {
        engine.as(seat.profile(), () -> {
            Task task = tasks.createTaskQuery().taskId(signer.taskId()).singleResult();
            if (task.getAssignee() == null && seat.userId() != null) {
                tasks.claim(task.getId(), seat.userId());
            }
            tasks.complete(task.getId(), Map.of("signatureOutcome", outcome));
        });
    }

    private byte[] image(Seat seat, Signer signer, String drawn) {
        if (signer.organisationSigns()) {
            return seals.image(seals.activeSeal(signer.organisation(), seat.actorId()).id());
        }
        String owner = seat.userId() != null ? seat.userId() : "signer:" + signer.id();
        if (drawn != null && !drawn.isBlank()) {
            byte[] png = PngImages.fromBase64(drawn);
            handwritings.store(owner, png);
            return png;
        }
        return handwritings.of(owner).orElseThrow(() ->
                new InvalidFieldsException(List.of(new FieldError("handwriting", "error.signing.handwritingRequired"))));
    }

    /** The signer's certificate, issued on first use: the key is made inside the key store and stays there. */
    private IssuedCertificate certificate(Signer signer) {
        if (!signer.external()) {
            return signer.organisationSigns()
                    ? ca.certificateFor(HolderType.ORGANISATION, properties.organisationCode(), properties.organisation(),
                    properties.organisationCode())
                    : ca.certificateFor(HolderType.PERSON, signer.userId(), signer.displayName(), signer.userId());
        }
        if (signer.organisationSigns()) {
            String id = "ext" + Sha256.hex(signer.organisation().getBytes(StandardCharsets.UTF_8)).substring(0, 24);
            return ca.certificateFor(HolderType.ORGANISATION, id, signer.organisation(), id);
        }
        String basis = signer.idNumber() != null ? "id:" + signer.idNumber() : "email:" + signer.email();
        String id = "ext" + Sha256.hex(basis.getBytes(StandardCharsets.UTF_8)).substring(0, 24);
        return ca.certificateFor(HolderType.PERSON, id, signer.displayName(), id);
    }
}
