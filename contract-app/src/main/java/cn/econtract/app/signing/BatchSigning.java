package cn.econtract.app.signing;

import cn.econtract.app.identity.AccessService;
import cn.econtract.app.identity.UserProfile;
import cn.econtract.app.kernel.BusinessException;
import cn.econtract.app.kernel.FieldError;
import cn.econtract.app.kernel.InvalidFieldsException;
import cn.econtract.app.kernel.Sha256;
import cn.econtract.app.notification.TextMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 批量签署: one authentication signs N contracts, each with its own signature. The factors are
 * verified once for exactly this set of tasks (the one-time code is bound to the set's hash), then
 * the contracts are signed one by one in the background, each in its own transaction, so one
 * failure (a contract closed meanwhile) does not stop the rest; progress and per-contract results
 * are read back by id.
 */
@Service
public class BatchSigning implements DisposableBean {

    static final int MAX_TASKS = 200;

    private final SigningDesk desk;
    private final SignerFactors factors;
    private final AccessService access;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "batch-signing");
        t.setDaemon(true);
        return t;
    });

    BatchSigning(SigningDesk desk, SignerFactors factors, AccessService access, JdbcClient jdbc, TransactionTemplate transaction,
                 Clock clock) {
        this.desk = desk;
        this.factors = factors;
        this.access = access;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    public record Item(int position, String taskId, String contractId, String status, String message) {
    }

    public record Progress(String id, int total, int done, int signed, int failed, boolean finished, List<Item> items) {
    }

    /** A passkey challenge for the whole set. */
    public Passkeys.Options passkeyChallenge(List<String> taskIds) {
        UserProfile me = access.currentUser();
        seats(taskIds, me);
        return factors.passkeyChallenge(me.id(), purpose(taskIds));
    }

    /** Sends one code for the whole set (to the e-mail or phone of the caller's signer seats). */
    public SignerChallenges.Challenge challenge(List<String> taskIds, TextMessage.Channel channel) {
        UserProfile me = access.currentUser();
        List<SigningDesk.Seat> seats = seats(taskIds, me);
        SigningDesk.Seat first = seats.get(0);
        String destination = channel == TextMessage.Channel.SMS ? first.signer().phone() : first.signer().email();
        return factors.challenge(me.id(), purpose(taskIds), channel, destination);
    }

    public Progress start(List<String> taskIds, List<SignerFactors.Factor> given, String handwriting, String ip, String origin) {
        UserProfile me = access.currentUser();
        List<SigningDesk.Seat> seats = seats(taskIds, me);
        int required = seats.stream().mapToInt(s -> s.plan().factorCount()).max().orElse(1);
        String methods = "BATCH:" + factors.verify(me.id(), me.id(), purpose(taskIds), given, required, origin);
        String id = UUID.randomUUID().toString();
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        jdbc.sql("INSERT INTO signing_batch (id, owner, created_at) VALUES (:id, :o, :at)").param("id", id).param("o", me.id())
                .param("at", now).update();
        for (int i = 0; i < seats.size(); i++) {
            jdbc.sql("INSERT INTO signing_batch_item (batch_id, position, task_id, contract_id, status) VALUES (:b, :p, :t, :c, 'QUEUED')")
                    .param("b", id).param("p", i + 1).param("t", taskIds.get(i)).param("c", seats.get(i).plan().contractId()).update();
        }
        worker.execute(() -> run(id, me, taskIds, methods, handwriting, ip));
        return progress(id);
    }

    private void run(String batchId, UserProfile me, List<String> taskIds, String methods, String handwriting, String ip) {
        for (int i = 0; i < taskIds.size(); i++) {
            String taskId = taskIds.get(i);
            String status;
            String message = null;
            try {
                transaction.executeWithoutResult(tx -> desk.sign(desk.internal(taskId, me),
                        new SigningDesk.SignRequest(List.of(), null, handwriting), ip, null, methods));
                status = "SIGNED";
            } catch (BusinessException e) {
                status = "FAILED";
                message = e.messageKey();
            } catch (RuntimeException e) {
                status = "FAILED";
                message = e.getClass().getSimpleName();
            }
            jdbc.sql("UPDATE signing_batch_item SET status = :s, message = :m, finished_at = :at WHERE batch_id = :b AND position = :p")
                    .param("s", status).param("m", message).param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                    .param("b", batchId).param("p", i + 1).update();
        }
        jdbc.sql("UPDATE signing_batch SET finished_at = :at WHERE id = :id")
                .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).param("id", batchId).update();
    }

    /** The batch's progress; only its owner may read it. */
    public Progress progress(String batchId) {
        String me = access.currentUser().id();
        String owner = jdbc.sql("SELECT owner FROM signing_batch WHERE id = :id").param("id", batchId).query(String.class).optional()
                .orElse(null);
        if (!me.equals(owner)) {
            throw BusinessException.notFound("signing batch", batchId);
        }
        boolean finished = jdbc.sql("SELECT finished_at FROM signing_batch WHERE id = :id").param("id", batchId)
                .query((rs, n) -> rs.getObject(1) != null).single();
        List<Item> items = jdbc.sql("SELECT position, task_id, contract_id, status, message FROM signing_batch_item WHERE batch_id = :b "
                        + "ORDER BY position").param("b", batchId)
                .query((rs, n) -> new Item(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5))).list();
        int signed = (int) items.stream().filter(i -> "SIGNED".equals(i.status())).count();
        int failed = (int) items.stream().filter(i -> "FAILED".equals(i.status())).count();
        return new Progress(batchId, items.size(), signed + failed, signed, failed, finished, items);
    }

    private List<SigningDesk.Seat> seats(List<String> taskIds, UserProfile me) {
        if (taskIds == null || taskIds.isEmpty() || taskIds.size() > MAX_TASKS || new LinkedHashSet<>(taskIds).size() != taskIds.size()) {
            throw new InvalidFieldsException(List.of(new FieldError("taskIds", "error.signing.batchSize", MAX_TASKS)));
        }
        List<SigningDesk.Seat> seats = new ArrayList<>();
        for (String taskId : taskIds) {
            seats.add(desk.internal(taskId, me));
        }
        return seats;
    }

    /** The code is good for exactly this set of tasks, in any order. */
    static String purpose(List<String> taskIds) {
        List<String> sorted = new ArrayList<>(taskIds);
        sorted.sort(null);
        return "batch:" + Sha256.hex(String.join(",", sorted).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }

}
