package cn.econtract.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.econtract.app.fulfilment.ReminderDispatcher;
import cn.econtract.delegates.fulfilment.FulfilmentPort;
import cn.econtract.support.DueTimers;
import cn.econtract.support.Http;
import cn.econtract.support.ProcessScenarios;
import cn.econtract.support.SignedContracts;
import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 8 end to end with a real SMTP server (GreenMail in this JVM): a signed contract's
 * obligations are proposed from its payment schedule and milestones, corrected and confirmed; the
 * engine clock moves to the first reminder and an e-mail arrives (once, however often the step
 * runs); the due date passes unpaid and the obligation is overdue; payments in parts, a dismissal
 * and an acceptance date settle the plan, and the contract is performed and archived.
 * Its own database and engine name (e-mail goes over SMTP here, not into the outbox only); run on
 * H2 and on PostgreSQL.
 */
abstract class FulfilmentScenarios extends ProcessScenarios {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication()).withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }

    @Autowired
    FulfilmentPort fulfilment;
    @Autowired
    ReminderDispatcher dispatcher;

    @Test
    void remindersArriveByEmailOnceTheDueDatePassesUnpaidAndSettlingThePlanPerformsTheContract() throws Exception {
        String id = SignedContracts.signed(this::as, tasks, directory, "258000.00", draft -> { });
        ProcessInstance fulfilmentProcess = runtime.createProcessInstanceQuery().processDefinitionKey("contract-fulfilment")
                .processInstanceBusinessKey(id).singleResult();
        assertThat(fulfilmentProcess).hasPassed("Task_Extract").isWaitingAt("Task_ConfirmPlan");

        // proposed from the template's payment schedule and milestones (PurchaseDraft): three payments, two deliveries
        JsonNode plan = Http.json(as("drafter").get("/api/v1/contracts/" + id + "/obligations"));
        assertThat(plan).hasSize(5);
        JsonNode advance = find(plan, "付款：预付款");
        LocalDate today = LocalDate.now(CHINA);
        assertThat(advance.get("dueTerm").asText()).isEqualTo("AFTER:SIGNING:10:WORKING_DAYS");
        assertThat(advance.get("amount").decimalValue()).isEqualByComparingTo("77400.00");
        assertThat(advance.get("party").asText()).as("a purchase: we pay").isEqualTo("OURS");
        assertThat(advance.get("status").asText()).isEqualTo("PROPOSED");
        LocalDate advanceDue = LocalDate.parse(advance.get("dueDate").asText());
        assertThat(ChronoUnit.DAYS.between(today, advanceDue)).isBetween(12L, 16L);
        JsonNode acceptancePayment = find(plan, "付款：验收款");
        assertThat(acceptancePayment.get("dueTerm").asText()).isEqualTo("AFTER:ACCEPTANCE:30:DAYS");
        assertThat(acceptancePayment.hasNonNull("dueDate")).as("not accepted yet").isFalse();
        JsonNode delivery = find(plan, "交付：设备交付");
        assertThat(delivery.get("party").asText()).isEqualTo("COUNTERPARTY");
        assertThat(delivery.get("dueDate").asText()).isEqualTo("2027-01-15");

        // the owner corrects before confirming; bad input changes nothing; another department reaches nothing
        String advanceId = advance.get("id").asText();
        HttpResponse<String> bad = as("drafter").put("/api/v1/contracts/" + id + "/obligations/" + advanceId,
                Map.of("kind", "PAYMENT", "title", "预付款", "party", "OURS", "amount", "77400.00", "dueTerm", "SOON"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("dueTerm");
        directory.ensureUser("salesplan", "销", "钱", "salesplan@demo.econtract.cn", "demo", false);
        directory.ensureMembership("salesplan", "drafter");
        directory.ensureMembership("salesplan", "sales");
        assertThat(as("salesplan").get("/api/v1/contracts/" + id + "/obligations").statusCode()).isEqualTo(404);
        HttpResponse<String> corrected = as("drafter").put("/api/v1/contracts/" + id + "/obligations/" + advanceId,
                Map.of("kind", "PAYMENT", "title", "付款：预付款（30%）", "party", "OURS", "amount", "77400.00",
                        "dueTerm", "AFTER:SIGNING:10:WORKING_DAYS", "responsible", "drafter"));
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);

        // confirmed: every obligation is watched; the advance waits for its first reminder, the acceptance payment for its date
        HttpResponse<String> confirmed = as("drafter").post("/api/v1/contracts/" + id + "/obligations/confirm", Map.of());
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(fulfilmentProcess).hasPassed("Task_ConfirmPlan", "Gateway_Open").isWaitingAt("Event_Settled");
        ProcessInstance watch = watch(advanceId);
        assertThat(watch).hasPassed("Task_Schedule", "Task_Plan").isWaitingAt("Event_ReminderTime");
        ProcessInstance acceptanceWatch = watch(acceptancePayment.get("id").asText());
        assertThat(acceptanceWatch).hasPassed("EndEvent_Undated").isWaitingAt("Gateway_Waiting");

        // the engine clock reaches the first reminder (seven days before, 09:00): one e-mail, one in-app message
        Date firstReminder = Date.from(advanceDue.minusDays(7).atTime(9, 0).atZone(CHINA).toInstant());
        assertThat(timer(watch).getDuedate()).isEqualTo(firstReminder);
        ClockUtil.setCurrentTime(Date.from(firstReminder.toInstant().plusSeconds(60)));
        DueTimers.run(management, watch.getId());
        assertThat(watch).hasPassed("Task_Remind").isWaitingAt("Event_ReminderTime");
        assertThat(dispatch()).isEqualTo(1);
        // (the signer's one-time code came the same way, to their own address)
        MimeMessage[] received = smtp.getReceivedMessagesForDomain("drafter@demo.econtract.cn");
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).contains("履约提醒").contains(contractNo(id));
        assertThat((String) received[0].getContent()).contains("/contracts/" + id + "/plan").contains("77400.00");
        assertThat(Http.json(as("drafter").get("/api/v1/me/notifications")).toString()).contains("OBLIGATION_DUE");

        // the same reminder again (a retried job, a second node): nothing more goes out
        String key = "D-7@" + advanceDue;
        fulfilment.remind(advanceId, key, "EMAIL,IN_APP", ClockUtil.getCurrentTime());
        assertThat(dispatch()).isZero();
        assertThat(smtp.getReceivedMessagesForDomain("drafter@demo.econtract.cn")).hasSize(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM reminder_delivery WHERE obligation_id = :o AND reminder_key = :k").param("o", advanceId)
                .param("k", key).query(Long.class).single()).isEqualTo(2);

        // the due date passes unpaid: overdue, in the evidence trail
        ClockUtil.setCurrentTime(Date.from(advanceDue.plusDays(1).atStartOfDay(CHINA).toInstant().plusSeconds(60)));
        for (int i = 0; i < 5 && !isWaitingAfterDue(watch); i++) {
            DueTimers.run(management, watch.getId());
        }
        assertThat(watch).hasPassed("Event_DueDate", "Task_Due", "EndEvent_DueHandled", "Task_Assess").isWaitingAt("Event_NextDay");
        assertThat(find(Http.json(as("drafter").get("/api/v1/contracts/" + id + "/obligations")), "付款：预付款（30%）").get("status").asText())
                .isEqualTo("OVERDUE");
        assertThat(jdbc.sql("SELECT detail FROM evidence_entry WHERE contract_id = :c AND event_type = 'OBLIGATION_OVERDUE'").param("c", id)
                .query(String.class).single()).contains("77400.00");
        // reminders whose time passed while the clock jumped are not sent late; overdue.drl warns the owner once
        assertThat(dispatch()).isEqualTo(1);
        MimeMessage[] toDrafter = smtp.getReceivedMessagesForDomain("drafter@demo.econtract.cn");
        assertThat(toDrafter).hasSize(2);
        assertThat(toDrafter[1].getSubject()).contains("逾期").contains("1 天");

        // paid in two parts; the first leaves it open
        assertThat(as("drafter").post("/api/v1/contracts/" + id + "/obligations/" + advanceId + "/fulfil", Map.of("note", "无金额"))
                .statusCode()).isEqualTo(400);
        assertThat(fulfil(id, advanceId, "40000.00").get("status").asText()).isEqualTo("OVERDUE");
        // the rest with the bank's receipt as proof — a file that is not what it says is refused and records nothing
        byte[] receipt = as("drafter").getBytes("/api/v1/contracts/" + id + "/document").body();
        assertThat(as("drafter").postMultipart("/api/v1/contracts/" + id + "/obligations/" + advanceId + "/fulfil",
                Map.of("amount", "37400.00"), "回单.pdf", cn.econtract.support.Docs.docx(new String[] {"x"})).statusCode()).isEqualTo(415);
        HttpResponse<String> paid = as("drafter").postMultipart("/api/v1/contracts/" + id + "/obligations/" + advanceId + "/fulfil",
                Map.of("amount", "37400.00", "note", "尾款"), "回单.pdf", receipt);
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);
        assertThat(Http.json(paid).get("status").asText()).isEqualTo("FULFILLED");
        JsonNode progress = null;
        for (JsonNode item : Http.json(as("drafter").get("/api/v1/contracts/" + id + "/obligations"))) {
            if (item.get("obligation").get("id").asText().equals(advanceId)) {
                progress = item.get("progress");
            }
        }
        assertThat(progress).hasSize(2);
        assertThat(progress.get(1).get("proofName").asText()).isEqualTo("回单.pdf");
        assertThat(progress.get(1).get("proofSha256").asText()).isEqualTo(cn.econtract.app.kernel.Sha256.hex(receipt));
        assertThat(watch).isEnded().hasPassed("Boundary_OverdueSettled", "EndEvent_SettledWhenOverdue");

        // accepted: the acceptance payment gets its date and its reminders
        HttpResponse<String> accepted = as("drafter").post("/api/v1/contracts/" + id + "/anchors",
                Map.of("anchor", "ACCEPTANCE", "date", today.toString()));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(acceptanceWatch).hasPassed("Event_RescheduledLater").isWaitingAt("Event_ReminderTime");
        assertThat(find(Http.json(as("drafter").get("/api/v1/contracts/" + id + "/obligations")), "付款：验收款").get("dueDate").asText())
                .isEqualTo(today.plusDays(30).toString());

        // the warranty retention is dismissed with a reason, everything else met: performed, then archived
        String retention = find(Http.json(as("drafter").get("/api/v1/contracts/" + id + "/obligations")), "付款：质保金").get("id").asText();
        assertThat(as("drafter").post("/api/v1/contracts/" + id + "/obligations/" + retention + "/dismiss", Map.of()).statusCode()).isEqualTo(400);
        assertThat(as("drafter").post("/api/v1/contracts/" + id + "/obligations/" + retention + "/dismiss",
                Map.of("reason", "质保金改为银行保函")).statusCode()).isEqualTo(200);
        SignedContracts.fulfilAll(this::as, id);
        assertThat(fulfilmentProcess).isEnded().hasPassed("Event_Settled", "EndEvent_Performed");
        assertThat(Http.json(as("drafter").get("/api/v1/contracts/" + id)).get("status").asText()).isEqualTo("ARCHIVED");
        assertThat(as("drafter").post("/api/v1/contracts/" + id + "/obligations/" + advanceId + "/fulfil", Map.of("amount", "1.00"))
                .statusCode()).as("the plan is closed").isEqualTo(409);
    }

    @Test
    void anUnpaidReceivableGetsADunningLetterThatLegalApprovesAndEmailsThenADisputeThatIsWrittenOff() throws Exception {
        String email = "lijg." + java.util.UUID.randomUUID().toString().substring(0, 6) + "@supplier.example.cn";
        String id = SignedContracts.signed(this::as, tasks, directory, "258000.00", "李建国 13912345678 " + email, draft -> { });
        assertThat(as("drafter").post("/api/v1/contracts/" + id + "/obligations/confirm", Map.of()).statusCode()).isEqualTo(200);
        LocalDate due = LocalDate.now(CHINA).plusDays(1);
        HttpResponse<String> added = as("drafter").post("/api/v1/contracts/" + id + "/obligations", Map.of("kind", "PAYMENT",
                "title", "乙方缴纳履约保证金", "party", "COUNTERPARTY", "amount", "20000.00", "dueDate", due.toString()));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        JsonNode deposit = Http.json(added);
        assertThat(deposit.get("status").asText()).as("the plan is confirmed: watched at once").isEqualTo("CONFIRMED");
        ProcessInstance watch = watch(deposit.get("id").asText());

        // sixteen days after the due date, unpaid: overdue.drl asks for a letter; managers and finance are told
        ClockUtil.setCurrentTime(Date.from(due.plusDays(16).atTime(10, 0).atZone(CHINA).toInstant()));
        for (int i = 0; i < 8 && dunning(watch) == null; i++) {
            DueTimers.run(management, watch.getId());
        }
        ProcessInstance letterProcess = dunning(watch);
        assertThat(letterProcess).as("a dunning letter was started").isNotNull();
        assertThat(watch).hasPassed("Task_Due", "Task_Assess", "Gateway_Dunning");
        assertThat(letterProcess).hasPassed("Task_DraftLetter").isWaitingAt("Task_ApproveLetter");
        assertThat(Http.json(as("manager").get("/api/v1/me/notifications")).toString()).contains("OBLIGATION_OVERDUE");
        assertThat(Http.json(as("finance").get("/api/v1/me/notifications")).toString()).contains("OBLIGATION_OVERDUE");
        assertThat(dispatch()).as("the owner's warning and two escalations by e-mail").isEqualTo(3);
        assertThat(subjectsTo("manager@demo.econtract.cn", contractNo(id))).containsExactly("【上报】【逾期】" + contractNo(id) + " 乙方缴纳履约保证金 已逾期 16 天");
        assertThat(subjectsTo("finance@demo.econtract.cn", contractNo(id))).hasSize(1);
        JsonNode letter = Http.json(as("drafter").get("/api/v1/contracts/" + id + "/dunning-letters")).get(0);
        assertThat(letter.get("status").asText()).isEqualTo("DRAFTED");
        byte[] pdf = as("drafter").getBytes("/api/v1/contracts/" + id + "/dunning-letters/" + letter.get("id").asText()).body();
        String text = cn.econtract.support.Tools.pdfText(pdf);
        assertThat(text).contains("催款函").contains(contractNo(id)).contains("20000.00").contains("贰万元整").contains("16");

        // legal approves (an opinion is needed only to refuse): the letter goes by e-mail with its PDF
        var approval = tasks.createTaskQuery().processInstanceId(letterProcess.getId()).taskDefinitionKey("Task_ApproveLetter").singleResult();
        assertThat(approval).hasCandidateGroup("legal");
        assertThat(decide("legal", approval.getId(), "REJECT", null)).isEqualTo(400);
        assertThat(decide("legal", approval.getId(), "APPROVE", null)).isEqualTo(204);
        assertThat(letterProcess).isEnded().hasPassed("Task_SendLetter", "EndEvent_Sent");
        MimeMessage[] toCounterparty = smtp.getReceivedMessagesForDomain(email);
        assertThat(toCounterparty).hasSize(1);
        var parts = (jakarta.mail.internet.MimeMultipart) toCounterparty[0].getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(1).getContentType()).contains("application/pdf");
        assertThat(parts.getBodyPart(1).getInputStream().readAllBytes()).isEqualTo(pdf);
        assertThat(Http.json(as("drafter").get("/api/v1/contracts/" + id + "/dunning-letters")).get(0).get("sentTo").asText()).isEqualTo(email);
        assertThat(watch).isWaitingAt("Event_NextDay");

        // sixty-one days: a second letter and a dispute; legal withholds the letter and writes the claim off
        ClockUtil.setCurrentTime(Date.from(due.plusDays(61).atTime(10, 0).atZone(CHINA).toInstant()));
        DueTimers.run(management, watch.getId());
        ProcessInstance second = dunning(watch);
        assertThat(second).isWaitingAt("Task_ApproveLetter");
        assertThat(dispatch()).isEqualTo(3);
        assertThat(subjectsTo("manager@demo.econtract.cn", contractNo(id))).hasSize(2).last().asString().contains("已逾期 61 天");
        var withhold = tasks.createTaskQuery().processInstanceId(second.getId()).taskDefinitionKey("Task_ApproveLetter").singleResult();
        assertThat(decide("legal", withhold.getId(), "REJECT", "已转诉讼，不再发函")).isEqualTo(204);
        assertThat(second).isEnded().hasPassed("EndEvent_Withheld");
        assertThat(watch).isWaitingAt("Task_Dispute");
        var dispute = tasks.createTaskQuery().processInstanceId(watch.getId()).taskDefinitionKey("Task_Dispute").singleResult();
        assertThat(dispute).hasCandidateGroup("legal");
        assertThat(decide("legal", dispute.getId(), "REJECT", null)).as("how it is handled must be said").isEqualTo(400);
        assertThat(decide("legal", dispute.getId(), "REJECT", "对方已破产清算，申报债权后核销")).isEqualTo(204);
        assertThat(watch).isEnded().hasPassed("EndEvent_WrittenOff", "EndEvent_WriteOffRecorded");
        JsonNode written = find(Http.json(as("drafter").get("/api/v1/contracts/" + id + "/obligations")), "乙方缴纳履约保证金");
        assertThat(written.get("status").asText()).isEqualTo("DISMISSED");
        assertThat(jdbc.sql("SELECT handling FROM obligation_dispute WHERE obligation_id = :o").param("o", written.get("id").asText())
                .query(String.class).single()).contains("核销").contains("破产清算");
        assertThat(Http.json(as("drafter").get("/api/v1/contracts/" + id + "/dunning-letters")).get(1).get("status").asText())
                .isEqualTo("REJECTED");
    }

    @Test
    void anUploadedContractsObligationsAreReadFromItsText() {
        byte[] docx = cn.econtract.support.Docs.docx(new String[] {"#第一条 交付"}, new String[] {"乙方应于2026年12月31日前将全部货物交付至甲方仓库。"},
                new String[] {"#第二条 付款"}, new String[] {"甲方应于验收合格后15个工作日内支付合同总价的60%。"},
                new String[] {"#第三条 违约"}, new String[] {"乙方逾期交货的，每逾期一日按合同总价的千分之一支付违约金。"});
        HttpResponse<String> uploaded = as("drafter").postMultipart("/api/v1/contracts/upload", Map.of("title", "外部合同 仓储设备采购",
                "contractType", "PURCHASE", "counterpartyName", "上传相对方" + java.util.UUID.randomUUID().toString().substring(0, 6) + "有限公司",
                "amount", "100000.00"), "仓储设备采购合同.docx", docx);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        String id = SignedContracts.approvedAndSigned(this::as, tasks, directory, Http.json(uploaded).get("id").asText());
        JsonNode plan = Http.json(as("drafter").get("/api/v1/contracts/" + id + "/obligations"));
        assertThat(plan).as("two obligations; the penalty clause is a condition, not a date").hasSize(2);
        JsonNode delivery = plan.get(0).get("obligation");
        assertThat(delivery.get("kind").asText()).isEqualTo("DELIVERY");
        assertThat(delivery.get("party").asText()).isEqualTo("COUNTERPARTY");
        assertThat(delivery.get("dueDate").asText()).isEqualTo("2026-12-31");
        assertThat(delivery.get("source").asText()).isEqualTo("TEXT");
        JsonNode payment = plan.get(1).get("obligation");
        assertThat(payment.get("kind").asText()).isEqualTo("PAYMENT");
        assertThat(payment.get("party").asText()).isEqualTo("OURS");
        assertThat(payment.get("amount").decimalValue()).isEqualByComparingTo("60000.00");
        assertThat(payment.get("dueTerm").asText()).isEqualTo("AFTER:ACCEPTANCE:15:WORKING_DAYS");
        assertThat(payment.get("sourceText").asText()).contains("验收合格后15个工作日内");
    }

    @Test
    void aPlanWithNothingLeftToWatchEndsAtOnceAndTheContractIsPerformed() {
        String id = SignedContracts.signed(this::as, tasks, directory, "88000.00", draft -> { });
        ProcessInstance fulfilmentProcess = runtime.createProcessInstanceQuery().processDefinitionKey("contract-fulfilment")
                .processInstanceBusinessKey(id).singleResult();
        for (JsonNode item : Http.json(as("drafter").get("/api/v1/contracts/" + id + "/obligations"))) {
            assertThat(as("drafter").post("/api/v1/contracts/" + id + "/obligations/" + item.get("obligation").get("id").asText() + "/dismiss",
                    Map.of("reason", "已在框架协议下履行")).statusCode()).isEqualTo(200);
        }
        assertThat(as("drafter").post("/api/v1/contracts/" + id + "/obligations/confirm", Map.of()).statusCode()).isEqualTo(200);
        assertThat(fulfilmentProcess).isEnded().hasPassed("Gateway_Open", "EndEvent_NothingToWatch");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("obligation-watch").variableValueEquals("contractId", id).count())
                .as("nothing proposed is left to watch").isZero();
        assertThat(Http.json(as("drafter").get("/api/v1/contracts/" + id)).get("status").asText()).isEqualTo("ARCHIVED");
    }

    @Test
    void expiriesSettleThemselvesDatesMoveWhileWatchedAndAPursuedClaimIsPaid() {
        String id = SignedContracts.signed(this::as, tasks, directory, "258000.00", "李建国 lijg@supplier.example.cn", draft -> { });
        assertThat(as("drafter").post("/api/v1/contracts/" + id + "/obligations/confirm", Map.of()).statusCode()).isEqualTo(200);
        LocalDate today = LocalDate.now(CHINA);
        JsonNode plan = Http.json(as("drafter").get("/api/v1/contracts/" + id + "/obligations"));

        // a delivery moved while its reminders wait: the watch starts again on the new date; it gets an owner of its own
        String owner = "planowner" + java.util.UUID.randomUUID().toString().substring(0, 4);
        directory.ensureUser(owner, "履", "约", owner + "@demo.econtract.cn", "demo", false);
        directory.ensureMembership(owner, "drafter");
        directory.ensureMembership(owner, "purchasing");
        JsonNode delivery = find(plan, "交付：设备交付");
        ProcessInstance deliveryWatch = watch(delivery.get("id").asText());
        assertThat(deliveryWatch).isWaitingAt("Event_ReminderTime");
        assertThat(as("drafter").put("/api/v1/contracts/" + id + "/obligations/" + delivery.get("id").asText(), Map.of("kind", "DELIVERY",
                "title", "交付：设备交付", "party", "COUNTERPARTY", "dueDate", today.plusDays(20).toString(), "responsible", owner))
                .statusCode()).isEqualTo(200);

        // the owner takes reminders by SMS and in-app, not by e-mail; a number that is not a mobile one changes nothing
        HttpResponse<String> badPhone = as(owner).put("/api/v1/me/notification-preferences", Map.of("channels", Map.of("SMS", true),
                "phone", "021-5888"));
        assertThat(badPhone.statusCode()).isEqualTo(400);
        assertThat(Http.json(as(owner).get("/api/v1/me/notification-preferences")).get("channels").get("SMS").asBoolean()).isFalse();
        String phone = "139" + String.format("%08d", Math.floorMod(java.util.UUID.randomUUID().getMostSignificantBits(), 100_000_000L));
        assertThat(as(owner).put("/api/v1/me/notification-preferences", Map.of("channels", Map.of("EMAIL", false, "SMS", true, "IN_APP", true),
                "phone", phone)).statusCode()).isEqualTo(200);
        fulfilment.remind(delivery.get("id").asText(), "D-7@" + today.plusDays(20), "EMAIL,SMS,IN_APP", ClockUtil.getCurrentTime());
        assertThat(dispatch()).isEqualTo(1);
        assertThat(Http.json(as("admin").get("/api/v1/notifications/outbox?destination=" + phone)).get(0).get("body").asText())
                .contains("交付：设备交付");
        assertThat(smtp.getReceivedMessagesForDomain(owner + "@demo.econtract.cn")).isEmpty();
        assertThat(Http.json(as(owner).get("/api/v1/me/notifications")).toString()).contains("OBLIGATION_DUE");
        assertThat(deliveryWatch).hasPassed("Boundary_Rescheduled").isWaitingAt("Event_ReminderTime");
        assertThat(timer(deliveryWatch).getDuedate())
                .isEqualTo(Date.from(today.plusDays(13).atTime(9, 0).atZone(CHINA).toInstant()));

        // an undated obligation met before its date is known
        JsonNode retention = find(plan, "付款：质保金");
        ProcessInstance retentionWatch = watch(retention.get("id").asText());
        assertThat(retentionWatch).hasPassed("EndEvent_Undated").isWaitingAt("Gateway_Waiting");
        fulfil(id, retention.get("id").asText(), "25800.00");
        assertThat(retentionWatch).isEnded().hasPassed("Event_SettledLater", "EndEvent_SettledLater");

        // the contract's expiry settles itself on its date
        HttpResponse<String> expiry = as("drafter").post("/api/v1/contracts/" + id + "/obligations", Map.of("kind", "EXPIRY",
                "title", "合同到期", "party", "BOTH", "dueDate", today.plusDays(2).toString()));
        assertThat(expiry.statusCode()).as(expiry.body()).isEqualTo(201);
        ProcessInstance expiryWatch = watch(Http.json(expiry).get("id").asText());
        ClockUtil.setCurrentTime(Date.from(today.plusDays(3).atTime(1, 0).atZone(CHINA).toInstant()));
        for (int i = 0; i < 6 && !expiryWatch.isEnded() && runtime.createProcessInstanceQuery().processInstanceId(expiryWatch.getId()).count() > 0; i++) {
            DueTimers.run(management, expiryWatch.getId());
        }
        assertThat(expiryWatch).isEnded().hasPassed("Task_Due", "EndEvent_SettledAtDue");

        // a receivable overdue, then its date corrected: the overdue handling stops and the watch starts again
        ClockUtil.reset();
        HttpResponse<String> added = as("drafter").post("/api/v1/contracts/" + id + "/obligations", Map.of("kind", "PAYMENT",
                "title", "乙方支付技术服务费", "party", "COUNTERPARTY", "amount", "12000.00", "dueDate", today.plusDays(1).toString()));
        String feeId = Http.json(added).get("id").asText();
        ProcessInstance feeWatch = watch(feeId);
        ClockUtil.setCurrentTime(Date.from(today.plusDays(3).atTime(10, 0).atZone(CHINA).toInstant()));
        for (int i = 0; i < 6 && !isWaitingAfterDue(feeWatch); i++) {
            DueTimers.run(management, feeWatch.getId());
        }
        assertThat(feeWatch).isWaitingAt("Event_NextDay");
        assertThat(as("drafter").put("/api/v1/contracts/" + id + "/obligations/" + feeId, Map.of("kind", "PAYMENT", "title", "乙方支付技术服务费",
                "party", "COUNTERPARTY", "amount", "12000.00", "dueDate", today.plusDays(30).toString())).statusCode()).isEqualTo(200);
        assertThat(feeWatch).hasPassed("Boundary_OverdueRescheduled").isWaitingAt("Event_ReminderTime");

        // long overdue, a letter sent, then a dispute legal pursues — and the counterparty pays
        ClockUtil.setCurrentTime(Date.from(today.plusDays(30 + 16).atTime(10, 0).atZone(CHINA).toInstant()));
        for (int i = 0; i < 8 && dunning(feeWatch) == null; i++) {
            DueTimers.run(management, feeWatch.getId());
        }
        var letterTask = tasks.createTaskQuery().processInstanceId(dunning(feeWatch).getId()).singleResult();
        assertThat(decide("legal", letterTask.getId(), "APPROVE", null)).isEqualTo(204);
        ClockUtil.setCurrentTime(Date.from(today.plusDays(30 + 61).atTime(10, 0).atZone(CHINA).toInstant()));
        DueTimers.run(management, feeWatch.getId());
        var second = tasks.createTaskQuery().processInstanceId(dunning(feeWatch).getId()).singleResult();
        assertThat(decide("legal", second.getId(), "REJECT", "改由律师函")).isEqualTo(204);
        var dispute = tasks.createTaskQuery().processInstanceId(feeWatch.getId()).taskDefinitionKey("Task_Dispute").singleResult();
        assertThat(decide("legal", dispute.getId(), "APPROVE", "委托律师提起仲裁")).isEqualTo(204);
        assertThat(feeWatch).hasPassed("Gateway_AfterDispute").isWaitingAt("Event_NextDay");
        assertThat(fulfil(id, feeId, "12000.00").get("status").asText()).isEqualTo("FULFILLED");
        assertThat(feeWatch).isEnded().hasPassed("Boundary_OverdueSettled", "EndEvent_SettledWhenOverdue");
    }

    private ProcessInstance dunning(ProcessInstance watch) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("dunning-letter").superProcessInstanceId(watch.getId()).singleResult();
    }

    private int decide(String user, String taskId, String decision, String opinion) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("decision", decision);
        if (opinion != null) {
            body.put("opinion", opinion);
        }
        return as(user).post("/api/v1/tasks/" + taskId + "/complete", body).statusCode();
    }

    private boolean isWaitingAfterDue(ProcessInstance watch) {
        return runtime.createExecutionQuery().processInstanceId(watch.getId()).activityId("Event_NextDay").count() > 0;
    }

    private JsonNode fulfil(String id, String obligationId, String amount) {
        HttpResponse<String> met = as("drafter").post("/api/v1/contracts/" + id + "/obligations/" + obligationId + "/fulfil",
                Map.of("amount", amount, "note", "银行回单"));
        assertThat(met.statusCode()).as(met.body()).isEqualTo(200);
        return Http.json(met);
    }

    private java.util.List<String> subjectsTo(String address, String contractNo) {
        java.util.List<String> subjects = new java.util.ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessagesForDomain(address)) {
            try {
                if (message.getSubject().contains(contractNo)) {
                    subjects.add(message.getSubject());
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return subjects;
    }

    private int dispatch() {
        return dispatcher.dispatch();
    }

    private ProcessInstance watch(String obligationId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("obligation-watch").processInstanceBusinessKey(obligationId)
                .singleResult();
    }

    private Job timer(ProcessInstance instance) {
        return management.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
    }

    private String contractNo(String id) {
        return Http.json(as("drafter").get("/api/v1/contracts/" + id)).get("contractNo").asText();
    }

    private static JsonNode find(JsonNode plan, String title) {
        for (JsonNode item : plan) {
            if (item.get("obligation").get("title").asText().equals(title)) {
                return item.get("obligation");
            }
        }
        throw new AssertionError("no obligation " + title + " in " + plan);
    }
}
