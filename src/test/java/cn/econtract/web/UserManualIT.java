package cn.econtract.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.econtract.app.identity.DirectoryService;
import cn.econtract.app.search.SearchIndexer;
import cn.econtract.support.Approvals;
import cn.econtract.support.Http;
import cn.econtract.support.InternalSigning;
import cn.econtract.support.OnH2;
import cn.econtract.support.PurchaseDraft;
import cn.econtract.support.SignedContracts;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 9: the zh-CN user manual (docs/manual/README.md) walks one purchase contract through every
 * role — drafted from a template, approved on "my tasks" and in Tasklist, sealed and signed, its
 * plan confirmed, found by search, filed in the archive, the operation log checked — and this test
 * takes the manual's screenshots along the way, in Chinese, at desktop width and, for the pages
 * people use on the move, at phone width. Each step checks what the page does before its picture
 * is taken; the last test checks that the manual shows exactly the pictures of this run.
 *
 * <p>Screenshots land in {@code target/manual-screenshots}; {@code docs/manual/update-screenshots.sh}
 * copies them next to the manual.
 */
@OnH2
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UserManualIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target", "manual-screenshots");
    private static final Path FAILURES = Path.of("target", "manual-screenshots-failed");
    private static final Path MANUAL = Path.of("..", "docs", "manual", "README.md");
    private static final Pattern IMAGE = Pattern.compile("images/([A-Za-z0-9_.-]+\\.png)");
    private static final Dimension DESKTOP = new Dimension(1366, 900);
    private static final Dimension PHONE = new Dimension(390, 844);

    @LocalServerPort
    int port;
    @Autowired
    TaskService tasks;
    @Autowired
    DirectoryService directory;
    @Autowired
    SearchIndexer indexer;
    @Autowired
    IdentityService identity;

    /** The zh-CN bundle the pages are expected to speak. */
    private final Properties zh = new Properties();
    /** Screenshots taken in this run, in order. */
    private final Set<String> taken = new LinkedHashSet<>();
    private WebDriver browser;
    private WebDriverWait wait;

    // the contract the manual follows from drafting to the archive, and the people it needs
    private final String suffix = UUID.randomUUID().toString().substring(0, 6);
    private final String signer = "mansign" + suffix;
    private final String sealCustodian = "manseal" + suffix;
    private final String tag = "手册" + suffix.substring(0, 4);
    private String contractId;
    private String contractNo;

    @RegisterExtension
    final TestWatcher failures = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (browser != null) {
                try {
                    Files.write(FAILURES.resolve(context.getRequiredTestMethod().getName() + ".png"),
                            ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
                } catch (IOException | RuntimeException e) {
                    cause.addSuppressed(e);
                }
            }
        }
    };

    @BeforeAll
    void startBrowser() throws IOException {
        assertThat(Files.isExecutable(CHROMIUM)).as("needs Chromium (Debian package chromium)").isTrue();
        assertThat(Files.isExecutable(CHROMEDRIVER)).as("needs ChromeDriver (Debian package chromium-driver)").isTrue();
        try (InputStream in = getClass().getResourceAsStream("/i18n/messages.properties")) {
            assertThat(in).as("the default (zh-CN) message bundle").isNotNull();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                zh.load(reader);
            }
        }
        // pictures of an earlier run must not pass for this run's
        emptyDirectory(SHOTS);
        emptyDirectory(FAILURES);
        directory.ensureUser(signer, "敏", "周", signer + "@demo.econtract.cn", "demo", false);
        directory.ensureMembership(signer, "gm");
        directory.ensureMembership(signer, "office");
        directory.ensureUser(sealCustodian, "印", "钱", sealCustodian + "@demo.econtract.cn", "demo", false);
        directory.ensureMembership(sealCustodian, "seal");
        directory.ensureMembership(sealCustodian, "office");

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=" + DESKTOP.width + "," + DESKTOP.height);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterAll
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    // ---- 起草人 the drafter ---------------------------------------------------------------------

    @Test
    @Order(1)
    void drafterLogsInAndSeesTheNavigationInChinese() throws IOException {
        size(DESKTOP);
        browser.manage().deleteAllCookies();
        // headless Chromium ignores --lang and asks in English: the lang parameter picks Chinese (and a cookie keeps it)
        browser.get(url("/login?lang=zh-CN"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("drafter");
        browser.findElement(By.id("password")).sendKeys("demo");
        assertThat(browser.findElement(By.cssSelector("[data-testid=login-submit]")).getText()).isEqualTo(msg("login.submit"));
        assertThat(browser.findElement(By.cssSelector(".login-card h1")).getText()).isEqualTo(msg("app.name"));
        assertThat(browser.findElement(By.cssSelector("label[for=username]")).getText()).isEqualTo(msg("login.username"));
        shot("login");

        browser.findElement(By.cssSelector("[data-testid=login-submit]")).click();
        String welcome = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=welcome]"))).getText();
        assertThat(welcome).isEqualTo(msg("home.welcome", "王小采"));
        assertThat(text("[data-nav=home]")).isEqualTo(msg("nav.home"));
        assertThat(text("[data-nav=tasks]")).isEqualTo(msg("nav.tasks"));
        assertThat(text("[data-nav=contracts]")).isEqualTo(msg("nav.contracts"));
        assertThat(text("[data-nav=signing]")).isEqualTo(msg("nav.signing"));
        assertThat(text("[data-nav=fulfilment]")).isEqualTo(msg("nav.fulfilment"));
        assertThat(text("[data-nav=search]")).isEqualTo(msg("nav.search"));
        assertThat(text("[data-nav=archives]")).isEqualTo(msg("nav.archive"));
        assertThat(browser.findElements(By.cssSelector("[data-nav=audit]"))).as("a drafter has no audit:read").isEmpty();
        assertThat(browser.findElement(By.cssSelector(".content")).getText()).contains(msg("home.departments"), "采购部",
                msg("home.openTasks"));
        shot("home");
    }

    @Test
    @Order(2)
    void drafterCreatesAContractFromATemplateEditsItAndSubmitsIt() throws IOException {
        Http drafter = as("drafter");
        loggedInAs("drafter", DESKTOP);

        // a new contract from the purchase template, on the contracts page
        browser.get(url("/contracts"));
        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=new-contract]")));
        assertThat(form.getText()).contains(msg("contracts.new"), msg("contracts.template"));
        new Select(form.findElement(By.name("templateId"))).selectByValue(PurchaseDraft.templateId(drafter));
        assertThat(new Select(form.findElement(By.name("templateId"))).getFirstSelectedOption().getText()).startsWith("货物采购合同");
        form.findElement(By.name("title")).sendKeys("办公设备采购合同");
        shot("contract-new");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> d.getCurrentUrl().matches(".*/contracts/[^/]+/edit$"));
        editorReady();
        assertThat(browser.findElement(By.cssSelector("[data-title]")).getAttribute("value")).isEqualTo("办公设备采购合同");
        assertThat(browser.findElement(By.cssSelector(".editor-head")).getText()).contains(msg("status.DRAFT"));
        assertThat(browser.findElements(By.cssSelector("[data-clauses] > li"))).as("the template's clauses").isNotEmpty();

        // the contract the manual follows: the same template with its variables filled in
        contractId = PurchaseDraft.create(drafter, "258000.00", "手册示例" + suffix + "机床有限公司");
        contractNo = Http.json(drafter.get("/api/v1/contracts/" + contractId)).get("contractNo").asText();
        assertThat(drafter.put("/api/v1/contracts/" + contractId + "/tags", Map.of("tags", List.of(tag))).statusCode()).isEqualTo(200);
        browser.get(url("/contracts/" + contractId + "/edit"));
        editorReady();
        wait.until(d -> !d.findElement(By.cssSelector("[data-preview]")).getText().isBlank());
        WebElement amount = browser.findElement(By.cssSelector("[data-path=amount]"));
        center(amount);
        amount.clear();
        amount.sendKeys("300000");
        // the amount in Chinese financial uppercase as it is typed, and in the server's preview
        assertThat(amount.findElement(By.xpath("following-sibling::*[@data-upper]")).getText()).isEqualTo("叁拾万元整");
        wait.until(d -> d.findElement(By.cssSelector("[data-preview]")).getText().contains("叁拾万元整"));
        click(browser.findElement(By.cssSelector("[data-save]")));
        wait.until(d -> d.findElement(By.cssSelector("[data-version]")).getText().equals("2"));
        assertThat(text("[data-save-state]")).isEqualTo(msg("editor.js.saved"));
        center(amount);
        shot("editor");

        WebElement submit = browser.findElement(By.cssSelector("[data-testid=submit-approval]"));
        assertThat(submit.getText()).isEqualTo(msg("approval.submit"));
        click(submit);
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[data-testid=submit-approval]")));
        assertThat(status()).isEqualTo("IN_APPROVAL");
        assertThat(browser.findElement(By.cssSelector(".editor-head")).getText()).contains(msg("status.IN_APPROVAL"), msg("approval.withdraw"));
    }

    // ---- 审批人 approvers -------------------------------------------------------------------------

    @Test
    @Order(3)
    void departmentHeadDecidesOnMyTasks() throws IOException {
        requireContract();
        loggedInAs("manager", DESKTOP);
        browser.get(url("/tasks"));
        WebElement task = taskCard();
        assertThat(task.getText()).contains("部门负责人审批", msg("approval.approve"), msg("approval.reject"), msg("approval.return"));
        // rejecting without an opinion is refused, with the reason in Chinese
        task.findElement(By.cssSelector("input[value=REJECT]")).click();
        click(task.findElement(By.cssSelector("button[type=submit]")));
        wait.until(d -> !task.findElement(By.cssSelector("[data-result]")).getText().isEmpty());
        assertThat(task.findElement(By.cssSelector("[data-result]")).getAttribute("class")).isEqualTo("alert");
        assertThat(task.findElement(By.cssSelector("[data-result]")).getText()).contains(msg("validation.approval.opinionRequired"));

        task.findElement(By.cssSelector("input[value=APPROVE]")).click();
        task.findElement(By.cssSelector("textarea")).sendKeys("同意采购，请法务审核条款");
        click(task.findElement(By.cssSelector("button[type=submit]")));
        wait.until(d -> "ok".equals(task.findElement(By.cssSelector("[data-result]")).getAttribute("class")));
        assertThat(task.findElement(By.cssSelector("[data-result]")).getText()).isEqualTo(msg("tasks.done"));
        shot("tasks-approve");
        var steps = Http.json(as("drafter").get("/api/v1/contracts/" + contractId + "/approvals")).at("/rounds/0/steps");
        assertThat(steps.findValuesAsText("opinion")).contains("同意采购，请法务审核条款");
    }

    @Test
    @Order(4)
    void legalApprovesInCamundaTasklistOnTheApprovalForm() throws IOException {
        requireContract();
        Task legalTask = tasks.createTaskQuery().processInstanceBusinessKey(contractId).active().singleResult();
        assertThat(tasks.getIdentityLinksForTask(legalTask.getId())).anyMatch(l -> "legal".equals(l.getGroupId()));
        // what Tasklist's Claim does: the manual tells legal to claim first; the picture shows the claimed task
        identity.setAuthentication("legal", List.of("legal", "legaldept"));
        try {
            tasks.claim(legalTask.getId(), "legal");
        } finally {
            identity.clearAuthentication();
        }
        loggedInAs("legal", DESKTOP);
        browser.get(url("/camunda/app/tasklist/default/#/?task=" + legalTask.getId()));
        wait.until(d -> !d.findElements(By.xpath("//*[contains(text(),'" + contractNo + "')]")).isEmpty());
        // form-js radios carry their option index: 0 = 同意 Approve
        WebElement approve = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".fjs-container input[type=radio][id$='Field_Decision-0']")));
        assertThat(browser.findElement(By.cssSelector(".fjs-container")).getText()).contains("审批决定", "同意", "审批意见", "法务审核");
        click(approve);
        browser.findElement(By.cssSelector(".fjs-container textarea")).sendKeys("条款符合公司标准文本");
        shot("tasklist-approve", false);
        click(wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[ng-click=\"complete()\"]"))));
        wait.until(d -> tasks.createTaskQuery().taskId(legalTask.getId()).count() == 0);
        var steps = Http.json(as("drafter").get("/api/v1/contracts/" + contractId + "/approvals")).at("/rounds/0/steps");
        assertThat(steps.findValuesAsText("opinion")).contains("条款符合公司标准文本");

        // finance (≥ ¥100,000) approves over the API; the contract is approved
        Approvals.approveSubmitted(contractId, "drafter", this::as, tasks, g -> directory.members(g, null));
        assertThat(status()).isEqualTo("APPROVED");
    }

    // ---- 签署 signing: the drafter arranges, the seal custodian seals, the signer signs ----------

    @Test
    @Order(5)
    void drafterArrangesTheSealAndASignerAtPhoneWidth() throws IOException {
        requireContract();
        loggedInAs("drafter", PHONE);
        browser.get(url("/tasks"));
        WebElement task = taskCard();
        WebElement arrange = task.findElement(By.linkText(msg("signing.arrange")));
        click(arrange);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-arrange] .signer-row")));
        assertThat(text("[data-arrange]")).contains(msg("signing.arrangeHint").substring(0, 10));
        // our company seal first, then our signer (a new counterparty's contract is signed in this order)
        WebElement seal = browser.findElements(By.cssSelector("[data-arrange] .signer-row")).get(0);
        new Select(seal.findElement(By.cssSelector("[data-field=appearance]"))).selectByValue("SEAL");
        assertThat(new Select(seal.findElement(By.cssSelector("[data-field=appearance]"))).getFirstSelectedOption().getText())
                .isEqualTo(msg("signing.js.seal"));
        click(browser.findElement(By.cssSelector("[data-add-signer]")));
        WebElement person = browser.findElements(By.cssSelector("[data-arrange] .signer-row")).get(1);
        person.findElement(By.cssSelector("[data-field=userId]")).sendKeys(signer);
        click(browser.findElement(By.cssSelector("[data-start]")));
        wait.until(d -> "ok".equals(d.findElement(By.cssSelector("[data-arrange] [data-result]")).getAttribute("class")));
        assertThat(text("[data-arrange] [data-result]")).startsWith("已开始签署");
        assertThat(noHorizontalScroll()).as("fits the phone").isTrue();
        center(browser.findElement(By.cssSelector("[data-start]")));
        shot("signing-arrange-phone");
        assertThat(status()).isEqualTo("SIGNING");

        // 用印审批: legal allows the seal (Tasklist form seal-approval; here over the task API)
        Task sealApproval = tasks.createTaskQuery().processInstanceBusinessKey(contractId).taskDefinitionKey("Task_ApproveSeal")
                .singleResult();
        assertThat(sealApproval).as("seal use needs legal's approval").isNotNull();
        assertThat(as("legal").post("/api/v1/tasks/" + sealApproval.getId() + "/complete",
                Map.of("decision", "APPROVE", "opinion", "准予用印")).statusCode()).isEqualTo(204);
    }

    @Test
    @Order(6)
    void sealCustodianAppliesTheCompanySeal() throws IOException {
        requireContract();
        loggedInAs(sealCustodian, DESKTOP);
        signFromMyTasks(false);
        assertThat(text("[data-seal-note]")).contains("合同专用章", "骑缝章");
        shot("seal-sign");
    }

    @Test
    @Order(7)
    void signerDrawsASignatureEntersTheCodeAndSignsAtPhoneWidth() throws IOException {
        requireContract();
        loggedInAs(signer, PHONE);
        signFromMyTasks(true);
        assertThat(noHorizontalScroll()).as("fits the phone").isTrue();
        shot("signing-sign-phone");
        awaitStatus("IN_FORCE");
    }

    // ---- 履约 the drafter follows performance ---------------------------------------------------

    @Test
    @Order(8)
    void drafterConfirmsThePlanRecordsTheAdvancePaymentAndSeesTheBoard() throws IOException {
        requireContract();
        loggedInAs("drafter", PHONE);
        browser.get(url("/contracts/" + contractId + "/plan"));
        wait.until(d -> "true".equals(d.findElement(By.cssSelector("[data-plan]")).getAttribute("data-ready")));
        assertThat(browser.findElements(By.cssSelector("[data-testid=obligation]"))).hasSize(5);
        assertThat(text("[data-plan]")).contains(msg("fulfilment.js.status.PROPOSED"))
                .as("due terms in words, not codes").doesNotContain("AFTER:", "WORKING_DAYS")
                .contains(msg("fulfilment.js.anchor.SIGNING") + "后10" + msg("fulfilment.js.unit.WORKING_DAYS") + "内");
        click(browser.findElement(By.cssSelector("[data-testid=confirm-plan]")));
        wait.until(d -> !d.findElements(By.cssSelector("[data-testid=fulfil-form]")).isEmpty());
        WebElement advance = advance();
        advance.findElement(By.cssSelector("input[name=note]")).sendKeys("银行回单 0001");
        click(advance.findElement(By.cssSelector("button[type=submit]")));
        wait.until(d -> d.findElements(By.cssSelector("[data-testid=obligation].fulfilled")).size() == 1);
        assertThat(advance().getText()).contains(msg("fulfilment.js.status.FULFILLED"), "银行回单 0001");
        assertThat(noHorizontalScroll()).as("fits the phone").isTrue();
        center(advance());
        shot("plan-phone");

        size(DESKTOP);
        browser.get(url("/fulfilment"));
        wait.until(d -> "true".equals(d.findElement(By.cssSelector("[data-board]")).getAttribute("data-ready")));
        assertThat(text("[data-amounts]")).contains(msg("fulfilment.js.receivable"), msg("fulfilment.js.payable"), "¥");
        assertThat(text("[data-board]")).contains(msg("fulfilment.overdue"), msg("fulfilment.dueSoon"), msg("fulfilment.expiring"));
        assertThat(Http.json(as("drafter").get("/api/v1/fulfilment/dashboard")).get("payable").decimalValue())
                .as("the acceptance and retention payments are still ours to pay").isGreaterThanOrEqualTo(new BigDecimal("180600.00"));
        shot("fulfilment-board");
    }

    @Test
    @Order(9)
    void drafterFindsTheContractByTextAndTag() throws IOException {
        requireContract();
        indexer.drain();
        loggedInAs("drafter", DESKTOP);
        browser.get(url("/search"));
        wait.until(d -> "true".equals(d.findElement(By.cssSelector("main")).getAttribute("data-ready")));
        browser.findElement(By.cssSelector("[data-testid=search-q]")).sendKeys("数控车床 " + tag);
        click(browser.findElement(By.cssSelector("[data-search] button[type=submit]")));
        wait.until(d -> d.findElements(By.cssSelector("[data-testid=hit]")).size() == 1
                && !d.findElements(By.cssSelector("[data-testid=hit] em")).isEmpty());
        assertThat(text("[data-summary]")).isEqualTo(msg("search.js.total", 1));
        assertThat(text("[data-testid=hit]")).contains(contractNo, "#" + tag, msg("status.IN_FORCE"));
        shot("search");
    }

    // ---- 档案管理员 the archivist ------------------------------------------------------------------

    @Test
    @Order(10)
    void archivistFindsThePerformedContractFiled() throws IOException {
        requireContract();
        // every obligation met: the contract is performed and filed on its own
        SignedContracts.fulfilAll(this::as, contractId);
        awaitStatus("ARCHIVED");
        JsonNode found = Http.json(as("archivist").get("/api/v1/archives?q=" + URLEncoder.encode(contractNo, StandardCharsets.UTF_8)));
        assertThat(found.get("total").asInt()).as(found.toString()).isEqualTo(1);
        String archiveNo = found.at("/items/0/archiveNo").asText();
        assertThat(archiveNo).matches("EC01-\\d{4}-D10-CG-\\d{4}");

        loggedInAs("archivist", DESKTOP);
        browser.get(url("/archives/" + archiveNo));
        wait.until(d -> "true".equals(d.findElement(By.cssSelector("[data-archives]")).getAttribute("data-ready")));
        wait.until(d -> d.findElements(By.cssSelector("[data-testid=archive-item]")).size() == 1);
        assertThat(text("[data-testid=archive-item]")).contains(archiveNo, contractNo, "采购合同", msg("archive.js.retention.D10"),
                msg("archive.js.status.KEPT"));
        assertThat(text("[data-testid=archive-copy]")).isEqualTo(msg("archive.js.copy"));
        assertThat(browser.findElements(By.cssSelector("[data-facet=category]"))).isNotEmpty();
        assertThat(as("archivist").getBytes("/api/v1/archives/" + archiveNo + "/copy").statusCode()).isEqualTo(200);
        shot("archive");
    }

    // ---- 审计员 the auditor -----------------------------------------------------------------------

    @Test
    @Order(11)
    void auditorFiltersTheOperationLogAndVerifiesItsChain() throws IOException {
        loggedInAs("auditor", DESKTOP);
        assertThat(text("[data-nav=audit]")).isEqualTo(msg("nav.audit"));
        click(browser.findElement(By.cssSelector("[data-nav=audit]")));
        WebElement actor = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[name=actor]")));
        actor.sendKeys("drafter");
        click(browser.findElement(By.cssSelector("form.filters button[type=submit]")));
        wait.until(d -> d.getCurrentUrl().contains("actor=drafter"));
        List<WebElement> actors = browser.findElements(By.cssSelector("table.table tbody td:nth-child(3)"));
        assertThat(actors).as("the drafter's operations").isNotEmpty().allMatch(td -> td.getText().equals("drafter"));
        assertThat(text("[data-testid=verify]")).isEqualTo(msg("audit.verify"));
        click(browser.findElement(By.cssSelector("[data-testid=verify]")));
        WebElement verdict = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=verification]")));
        assertThat(verdict.getText()).startsWith("哈希链完整");
        shot("audit");
    }

    // ---- the manual and this test agree ---------------------------------------------------------

    @Test
    @Order(99)
    void theManualShowsExactlyTheScreenshotsOfThisRun() throws IOException {
        Set<String> referenced = new TreeSet<>();
        Matcher m = IMAGE.matcher(Files.readString(MANUAL));
        while (m.find()) {
            referenced.add(m.group(1));
        }
        Set<String> takenFiles = new TreeSet<>(taken.stream().map(n -> n + ".png").toList());
        assertThat(referenced).as("images the manual references").isNotEmpty();
        assertThat(takenFiles).as("screenshots taken in this run (every step before this one must pass)")
                .containsAll(referenced);
        assertThat(referenced).as("every screenshot of this run is used in the manual").containsAll(takenFiles);
        for (String name : referenced) {
            assertThat(SHOTS.resolve(name)).as("written in this run").isRegularFile();
        }
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** From "my tasks" to the signing page; then the e-mailed code (read from the outbox), the drawing if a signature, sign. */
    private void signFromMyTasks(boolean draw) {
        browser.get(url("/tasks"));
        WebElement task = taskCard();
        click(task.findElement(By.cssSelector("[data-testid=go-sign]")));
        wait.until(d -> "true".equals(d.findElement(By.cssSelector("[data-signing]")).getAttribute("data-ready")));
        assertThat(text("[data-signing] [data-heading]")).startsWith(contractNo);
        assertThat(text("[data-factor-count]")).isEqualTo(msg("signing.js.factorCount", 1));
        if (draw) {
            drawSignature();
        }
        click(browser.findElement(By.cssSelector("[data-send=EMAIL]")));
        wait.until(d -> !d.findElement(By.cssSelector("[data-sent=EMAIL]")).getText().isBlank());
        assertThat(text("[data-sent=EMAIL]")).startsWith("验证码已发送至");
        String email = (draw ? signer : sealCustodian) + "@demo.econtract.cn";
        browser.findElement(By.cssSelector("[data-code=EMAIL]")).sendKeys(InternalSigning.code(this::as, email));
        click(browser.findElement(By.cssSelector("[data-sign]")));
        wait.until(d -> "true".equals(d.findElement(By.cssSelector("[data-signing] [data-result]")).getAttribute("data-done")));
        assertThat(text("[data-signing] [data-result]")).startsWith("签署成功");
        center(browser.findElement(By.cssSelector("[data-signing] [data-result]")));
    }

    private static void emptyDirectory(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
    }

    private WebElement advance() {
        return browser.findElements(By.cssSelector("[data-testid=obligation]")).stream()
                .filter(e -> e.getText().contains("预付款")).findFirst().orElseThrow();
    }

    /** A few strokes on the signing page's pad with the pointer, as a finger would. */
    private void drawSignature() {
        WebElement pad = browser.findElement(By.cssSelector("[data-pad]"));
        center(pad);
        new Actions(browser).moveToElement(pad, -120, 10).clickAndHold().moveByOffset(40, -30)
                .moveByOffset(50, 50).moveByOffset(60, -40).moveByOffset(40, 30).release().perform();
    }

    /** A fresh session for {@code user} at the given viewport, its pages in Chinese. */
    private void loggedInAs(String user, Dimension viewport) {
        size(viewport);
        browser.manage().deleteAllCookies();
        browser.get(url("/login?lang=zh-CN"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("[data-testid=login-submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=welcome]")));
        assertThat(pageLanguage()).isEqualTo("zh-CN");
    }

    private void editorReady() {
        try {
            wait.until(d -> "true".equals(d.findElement(By.cssSelector("[data-editor]")).getAttribute("data-ready")));
        } catch (TimeoutException e) {
            throw new AssertionError("editor did not load: " + text("[data-message]"), e);
        }
    }

    private void size(Dimension viewport) {
        browser.manage().window().setSize(viewport);
    }

    private void requireContract() {
        assertThat(contractId).as("the contract drafted in step 2 (run the class in order)").isNotNull();
    }

    private String status() {
        return Http.json(as("drafter").get("/api/v1/contracts/" + contractId)).get("status").asText();
    }

    /** Waits (at most 30 s) for the contract's status: closing the signed document may run in a worker. */
    private void awaitStatus(String expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String status = status();
        while (!status.equals(expected) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + expected, e);
            }
            status = status();
        }
        assertThat(status).as("status of contract %s", contractNo).isEqualTo(expected);
    }

    private Http as(String user) {
        return Http.basic(port, user, "demo");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    /** A text of the zh-CN bundle, formatted like Spring's MessageSource does. */
    private String msg(String key, Object... args) {
        String pattern = zh.getProperty(key);
        assertThat(pattern).as("message " + key + " in i18n/messages.properties").isNotNull();
        return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.SIMPLIFIED_CHINESE).format(args);
    }

    private String pageLanguage() {
        return String.valueOf(((JavascriptExecutor) browser).executeScript("return document.documentElement.lang"));
    }

    private void center(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    }

    /** Tasklist's panes scroll on their own and its footer overlaps the bottom: bring the element to the middle first. */
    private void click(WebElement element) {
        center(element);
        element.click();
    }

    private boolean noHorizontalScroll() {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth <= window.innerWidth + 1;"));
    }

    /** One of our pages, in Chinese: the viewport as the manual shows it. */
    private void shot(String name) throws IOException {
        shot(name, true);
    }

    private void shot(String name, boolean ourPage) throws IOException {
        if (ourPage) {
            assertThat(pageLanguage()).as("%s is in Chinese", name).isEqualTo("zh-CN");
        }
        assertThat(taken.add(name)).as("screenshot names are unique: " + name).isTrue();
        Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    /** The task card of this walk-through's contract on the 我的任务 page, once it shows. */
    private WebElement taskCard() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//*[@data-testid='task'][.//*[contains(text(),'" + contractNo + "')]]")));
    }
}
