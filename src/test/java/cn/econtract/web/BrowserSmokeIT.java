package cn.econtract.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.econtract.support.OnH2;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The web shell in a real headless Chromium at a desktop and a phone viewport: log in, navigate,
 * open Tasklist without a second login. Screenshots land in target/screenshots for the manual.
 */
@OnH2
class BrowserSmokeIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @LocalServerPort
    int port;
    @org.springframework.beans.factory.annotation.Autowired
    org.camunda.bpm.engine.TaskService tasks;
    @org.springframework.beans.factory.annotation.Autowired
    cn.econtract.app.identity.DirectoryService directory;
    @org.springframework.beans.factory.annotation.Autowired
    cn.econtract.app.search.SearchIndexer indexer;
    @org.springframework.beans.factory.annotation.Autowired
    org.camunda.bpm.engine.IdentityService identity;
    private WebDriver browser;

    @BeforeAll
    static void requireBrowser() {
        assertThat(Files.isExecutable(CHROMIUM)).as("needs Chromium (Debian package chromium)").isTrue();
        assertThat(Files.isExecutable(CHROMEDRIVER)).as("needs ChromeDriver (Debian package chromium-driver)").isTrue();
    }

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"desktop, 1366, 900", "phone, 390, 844"})
    void loginNavigateAndReachTasklist(String viewport, int width, int height) throws IOException {
        browser = start(width, height);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

        browser.get("http://localhost:" + port + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("drafter");
        browser.findElement(By.id("password")).sendKeys("demo");
        screenshot("login-" + viewport);
        browser.findElement(By.cssSelector("[data-testid=login-submit]")).click();

        String welcome = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=welcome]"))).getText();
        assertThat(welcome).contains("王小采");
        screenshot("home-" + viewport);

        if (width < 760) {
            assertThat(browser.findElement(By.id("sidenav")).isDisplayed()).isFalse();
            browser.findElement(By.cssSelector("[data-menu-toggle]")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sidenav")));
            screenshot("menu-" + viewport);
        }
        browser.findElement(By.cssSelector("[data-nav=tasks]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=open-tasklist]")));
        assertThat(browser.findElements(By.cssSelector("[data-nav=audit]"))).as("drafter has no audit:read").isEmpty();
        assertThat(noHorizontalScroll()).as("page fits the viewport").isTrue();

        browser.findElement(By.cssSelector("[data-testid=open-tasklist]")).click();
        wait.until(d -> d.getCurrentUrl().contains("/camunda/app/tasklist/"));
        try {
            // Tasklist shows the signed-in user's name in its header once it has asked who is logged in
            wait.until(d -> d.getPageSource().contains("小采"));
        } finally {
            screenshot("tasklist-" + viewport);
        }
        assertThat(browser.findElements(By.cssSelector("input[name=username]"))).as("no second login").isEmpty();
    }

    /** Issue 3: drag a clause, fill a variable, save, see the new version and its diff. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"desktop, 1366, 900", "phone, 390, 844"})
    void editorReordersFillsSavesAndShowsTheDiff(String viewport, int width, int height) throws IOException {
        String id = cn.econtract.support.PurchaseDraft.create(cn.econtract.support.Http.basic(port, "drafter", "demo"));
        browser = start(width, height);
        WebDriverWait wait = loggedInAs("drafter");

        browser.get("http://localhost:" + port + "/contracts/" + id + "/edit");
        try {
            wait.until(d -> "true".equals(d.findElement(By.cssSelector("[data-editor]")).getAttribute("data-ready")));
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot("editor-failed-" + viewport);
            throw new AssertionError("editor did not load: " + browser.findElement(By.cssSelector("[data-message]")).getText(), e);
        }
        wait.until(d -> !d.findElement(By.cssSelector("[data-preview]")).getText().isBlank());
        // issue 6: the evidence trail already holds the drafting event, waiting for its batch
        wait.until(d -> !d.findElements(By.cssSelector("[data-evidence] .evidence-event")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("[data-evidence] .evidence-label")).getText()).containsAnyOf("起草", "Drafted");
        // nothing seals batches in tests: the new draft's event waits for its batch (the browser may run in English)
        assertThat(browser.findElement(By.cssSelector("[data-evidence] .badge")).getText()).isIn("待封存", "Awaiting batch");
        java.util.List<String> before = clauseKeys();

        // drag the first clause by its handle below the third
        var clauses = browser.findElements(By.cssSelector("[data-clauses] > li"));
        org.openqa.selenium.WebElement handle = clauses.get(0).findElement(By.cssSelector("[data-handle]"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block:'center'})", handle);
        new org.openqa.selenium.interactions.Actions(browser).clickAndHold(handle).moveByOffset(0, 5)
                .moveToElement(clauses.get(2)).moveByOffset(0, 2).release().perform();
        java.util.List<String> after = clauseKeys();
        assertThat(after.get(0)).isEqualTo(before.get(1));
        assertThat(after).containsExactlyInAnyOrderElementsOf(before).isNotEqualTo(before);

        // fill a money variable: the uppercase form is previewed as the user types
        org.openqa.selenium.WebElement amount = browser.findElement(By.cssSelector("[data-path=amount]"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block:'center'})", amount);
        amount.clear();
        amount.sendKeys("300000");
        assertThat(amount.findElement(By.xpath("following-sibling::*[@data-upper]")).getText()).isEqualTo("叁拾万元整");
        wait.until(d -> d.findElement(By.cssSelector("[data-preview]")).getText().contains("叁拾万元整"));

        org.openqa.selenium.WebElement save = browser.findElement(By.cssSelector("[data-save]"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block:'center'})", save);
        save.click();
        wait.until(d -> d.findElement(By.cssSelector("[data-version]")).getText().equals("2"));
        org.openqa.selenium.WebElement compare = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-diff-to='2']")));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block:'center'}); arguments[0].click()", compare);
        wait.until(d -> !d.findElements(By.cssSelector(".diff-clause[data-kind=MOVED]")).isEmpty());
        String diff = browser.findElement(By.cssSelector("[data-diff]")).getText();
        assertThat(diff).contains("300000.00").contains("258000.00");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("document.querySelector('[data-diff]').scrollIntoView()");
        screenshot("editor-" + viewport);
        assertThat(noHorizontalScroll()).as("editor fits the viewport; too wide: %s", overflowing()).isTrue();
    }

    /** Issue 3: legal compares two template versions side by side. */
    @org.junit.jupiter.api.Test
    void templatePageComparesTwoVersionsSideBySide() throws IOException {
        var legal = cn.econtract.support.Http.basic(port, "legal", "demo");
        String code = "UI_" + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase().replace('-', '_');
        java.util.Map<String, Object> content = java.util.Map.of("clauses", java.util.List.of(
                java.util.Map.of("key", "scope", "heading", "服务范围", "text", "乙方提供办公设备维修服务。")));
        var created = legal.post("/api/v1/templates", java.util.Map.of("code", code, "name", "维修服务合同", "category", "测试",
                "contractType", "TECH_SERVICE", "content", content));
        String id = cn.econtract.support.Http.json(created).at("/template/id").asText();
        legal.post("/api/v1/templates/" + id + "/versions/1/publish", java.util.Map.of());
        legal.post("/api/v1/templates/" + id + "/versions", java.util.Map.of());
        legal.put("/api/v1/templates/" + id + "/versions/2", java.util.Map.of("clauses", java.util.List.of(
                java.util.Map.of("key", "scope", "heading", "服务范围", "text", "乙方提供办公设备及网络设备维修服务。"))));

        browser = start(1366, 900);
        WebDriverWait wait = loggedInAs("legal");
        browser.get("http://localhost:" + port + "/templates/" + id);
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-template-diff] button"))).click();
        wait.until(d -> !d.findElements(By.cssSelector(".diff-clause[data-kind=CHANGED] ins")).isEmpty());
        assertThat(browser.findElement(By.cssSelector(".diff-clause[data-kind=CHANGED] ins")).getText()).isEqualTo("及网络设备");
        screenshot("template-diff");
    }

    /** Issue 4: the drafter submits from the editor, the department head approves on "my tasks" (phone width). */
    @org.junit.jupiter.api.Test
    void drafterSubmitsInTheEditorAndTheDepartmentHeadDecidesOnMyTasks() throws IOException {
        var drafter = cn.econtract.support.Http.basic(port, "drafter", "demo");
        String id = cn.econtract.support.PurchaseDraft.create(drafter, "258000.00",
                "浏览器供应商" + java.util.UUID.randomUUID().toString().substring(0, 6) + "有限公司");
        browser = start(390, 844);
        WebDriverWait wait = loggedInAs("drafter");
        browser.get("http://localhost:" + port + "/contracts/" + id + "/edit");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=submit-approval]"))).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[data-testid=submit-approval]")));
        assertThat(cn.econtract.support.Http.json(drafter.get("/api/v1/contracts/" + id)).get("status").asText()).isEqualTo("IN_APPROVAL");
        browser.manage().deleteAllCookies();

        wait = loggedInAs("manager");
        browser.get("http://localhost:" + port + "/tasks");
        var task = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//*[@data-testid='task'][.//*[contains(text(),'" + cn.econtract.support.Http.json(drafter.get("/api/v1/contracts/" + id))
                        .get("contractNo").asText() + "')]]")));
        // rejecting without an opinion is refused with the reason; approving goes through
        task.findElement(By.cssSelector("input[value=REJECT]")).click();
        task.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> task.findElement(By.cssSelector("[data-result]")).getText().length() > 0);
        // the browser asks in English (Chromium's Accept-Language): the reason names the opinion
        assertThat(task.findElement(By.cssSelector("[data-result]")).getAttribute("class")).isEqualTo("alert");
        assertThat(task.findElement(By.cssSelector("[data-result]")).getText()).containsIgnoringCase("opinion");
        task.findElement(By.cssSelector("input[value=APPROVE]")).click();
        task.findElement(By.cssSelector("textarea")).sendKeys("同意采购");
        task.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> task.findElement(By.cssSelector("[data-result]")).getAttribute("class").equals("ok"));
        assertThat(noHorizontalScroll()).as(String.valueOf(overflowing())).isTrue();
        screenshot("tasks-decide-phone");
        var steps = cn.econtract.support.Http.json(drafter.get("/api/v1/contracts/" + id + "/approvals")).at("/rounds/0/steps");
        assertThat(steps.findValuesAsText("opinion")).contains("同意采购");
    }

    /** Issue 4: the department head decides in Camunda Tasklist, on our Camunda Form, after one login. */
    @org.junit.jupiter.api.Test
    void departmentHeadApprovesInCamundaTasklistWithTheApprovalForm() throws IOException {
        var drafter = cn.econtract.support.Http.basic(port, "drafter", "demo");
        String id = cn.econtract.support.PurchaseDraft.create(drafter, "258000.00",
                "清单供应商" + java.util.UUID.randomUUID().toString().substring(0, 6) + "有限公司");
        assertThat(drafter.post("/api/v1/contracts/" + id + "/submit", java.util.Map.of()).statusCode()).isEqualTo(200);
        String contractNo = cn.econtract.support.Http.json(drafter.get("/api/v1/contracts/" + id)).get("contractNo").asText();
        var manager = cn.econtract.support.Http.basic(port, "manager", "demo");
        String taskId = cn.econtract.support.Http.json(manager.get("/api/v1/tasks?contractId=" + id)).get(0).get("id").asText();

        browser = start(1366, 900);
        WebDriverWait wait = loggedInAs("manager");
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + taskId);
        try {
            wait.until(d -> d.findElements(By.xpath("//*[contains(text(),'" + contractNo + "')]")).size() > 0);
            // the department head is named in the route, so the task is already theirs: no claim needed
            // form-js radios carry their option index: 0 = 同意 Approve
            clickInView(wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".fjs-container input[type=radio][id$='Field_Decision-0']"))));
            browser.findElement(By.cssSelector(".fjs-container textarea")).sendKeys("在 Tasklist 中同意");
            clickInView(wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[ng-click=\"complete()\"]"))));
            wait.until(d -> cn.econtract.support.Http.json(manager.get("/api/v1/tasks?contractId=" + id)).isEmpty());
        } finally {
            screenshot("tasklist-approval-form");
            Files.writeString(Path.of("target", "screenshots", "tasklist-approval-form.html"), browser.getPageSource());
        }
        var steps = cn.econtract.support.Http.json(drafter.get("/api/v1/contracts/" + id + "/approvals")).at("/rounds/0/steps");
        assertThat(steps.findValuesAsText("opinion")).contains("在 Tasklist 中同意");
        assertThat(steps.findValuesAsText("actor")).contains("manager");
    }

    /** Issue 5: at phone width the drafter arranges the signer; the signer draws a signature, enters the e-mailed code and signs. */
    @org.junit.jupiter.api.Test
    void drafterArrangesAndASignerDrawsEntersTheCodeAndSignsAtPhoneWidth() throws IOException {
        var drafter = cn.econtract.support.Http.basic(port, "drafter", "demo");
        String id = approvedWithSigner("uisigner", "签", "吴");
        String contractNo = cn.econtract.support.Http.json(drafter.get("/api/v1/contracts/" + id)).get("contractNo").asText();

        browser = start(390, 844);
        WebDriverWait wait = loggedInAs("drafter");
        browser.get("http://localhost:" + port + "/signing?contract=" + id);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-field=userId]"))).sendKeys("uisigner");
        browser.findElement(By.cssSelector("[data-start]")).click();
        wait.until(d -> "ok".equals(d.findElement(By.cssSelector("[data-arrange] [data-result]")).getAttribute("class")));
        screenshot("signing-arranged-phone");
        assertThat(noHorizontalScroll()).as(String.valueOf(overflowing())).isTrue();
        browser.manage().deleteAllCookies();

        wait = loggedInAs("uisigner");
        browser.get("http://localhost:" + port + "/tasks");
        var task = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//*[@data-testid='task'][.//*[contains(text(),'" + contractNo + "')]]")));
        clickInView(task.findElement(By.cssSelector("[data-testid=go-sign]")));
        wait.until(d -> "true".equals(d.findElement(By.cssSelector("[data-signing]")).getAttribute("data-ready")));
        drawSignature();
        clickInView(browser.findElement(By.cssSelector("[data-send=EMAIL]")));
        wait.until(d -> !d.findElement(By.cssSelector("[data-sent=EMAIL]")).getText().isBlank());
        var outbox = cn.econtract.support.Http.json(cn.econtract.support.Http.basic(port, "admin", "demo")
                .get("/api/v1/notifications/outbox?destination=uisigner@demo.econtract.cn"));
        java.util.regex.Matcher code = java.util.regex.Pattern.compile("(\\d{6})").matcher(outbox.get(0).get("body").asText());
        assertThat(code.find()).isTrue();
        browser.findElement(By.cssSelector("[data-code=EMAIL]")).sendKeys(code.group(1));
        clickInView(browser.findElement(By.cssSelector("[data-sign]")));
        try {
            wait.until(d -> "true".equals(d.findElement(By.cssSelector("[data-signing] [data-result]")).getAttribute("data-done")));
        } finally {
            screenshot("signing-signed-phone");
        }
        assertThat(noHorizontalScroll()).as(String.valueOf(overflowing())).isTrue();
        cn.econtract.support.SignedContracts.awaitStatus(drafter, id, "IN_FORCE");
        byte[] pdf = drafter.getBytes("/api/v1/contracts/" + id + "/document").body();
        assertThat(cn.econtract.support.Tools.pdfSignatures(pdf)).contains("Signature is Valid", "吴签");
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            var widget = document.getSignatureFields().get(0).getWidgets().get(0);
            assertThat(widget.getRectangle().getWidth()).as("the drawn signature is visible on the last page").isGreaterThan(100f);
            assertThat(widget.getAppearance().getNormalAppearance().getAppearanceStream().getResources().getXObjectNames())
                    .as("the drawing, as an image").isNotEmpty();
        }
    }

    /**
     * Issue 5: a passkey registered on the profile page confirms a signature — Chromium's virtual
     * authenticator stands in for the phone's face or fingerprint unlock (user verified).
     */
    @org.junit.jupiter.api.Test
    void aSignerRegistersAPasskeyAndSignsWithIt() throws IOException {
        var drafter = cn.econtract.support.Http.basic(port, "drafter", "demo");
        String id = approvedWithSigner("pkbrowser", "密", "冯");
        assertThat(drafter.post("/api/v1/contracts/" + id + "/signing", java.util.Map.of("signers", java.util.List.of(
                java.util.Map.of("party", "OURS", "appearance", "SIGNATURE", "userId", "pkbrowser")))).statusCode()).isEqualTo(200);
        String taskId = tasks.createTaskQuery().processInstanceBusinessKey(id).taskDefinitionKey("Task_Sign").singleResult().getId();

        browser = start(390, 844);
        ((org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator) browser).addVirtualAuthenticator(
                new org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions()
                        .setProtocol(org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions.Protocol.CTAP2)
                        .setTransport(org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions.Transport.INTERNAL)
                        .setHasResidentKey(true).setHasUserVerification(true).setIsUserVerified(true));
        WebDriverWait wait = loggedInAs("pkbrowser");
        browser.get("http://localhost:" + port + "/profile");
        clickInView(wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-register-passkey]"))));
        wait.until(d -> "ok".equals(d.findElement(By.cssSelector("[data-passkey-result]")).getAttribute("class")));

        browser.get("http://localhost:" + port + "/signing?task=" + taskId);
        wait.until(d -> "true".equals(d.findElement(By.cssSelector("[data-signing]")).getAttribute("data-ready")));
        drawSignature();
        clickInView(browser.findElement(By.cssSelector("[data-passkey]")));
        wait.until(d -> "true".equals(d.findElement(By.cssSelector("[data-passkey-state]")).getAttribute("data-ready")));
        clickInView(browser.findElement(By.cssSelector("[data-sign]")));
        try {
            wait.until(d -> "true".equals(d.findElement(By.cssSelector("[data-signing] [data-result]")).getAttribute("data-done")));
        } finally {
            screenshot("signing-passkey-phone");
        }
        var attempt = cn.econtract.support.Http.json(drafter.get("/api/v1/contracts/" + id + "/signing")).get(0);
        assertThat(attempt.at("/signers/0/authMethods").asText()).isEqualTo("PASSKEY");
        cn.econtract.support.SignedContracts.awaitStatus(drafter, id, "IN_FORCE");
    }

    /** Issue 7: the search page at phone width finds a contract by its tag and highlights the words searched for. */
    @org.junit.jupiter.api.Test
    void searchPageFindsByTextAndTagWithHighlights() throws IOException {
        var drafter = cn.econtract.support.Http.basic(port, "drafter", "demo");
        String id = cn.econtract.support.PurchaseDraft.create(drafter, "88000.00",
                "检索页面" + java.util.UUID.randomUUID().toString().substring(0, 6) + "有限公司");
        String tag = "浏览器" + java.util.UUID.randomUUID().toString().substring(0, 4);
        assertThat(drafter.put("/api/v1/contracts/" + id + "/tags", java.util.Map.of("tags", java.util.List.of(tag))).statusCode())
                .isEqualTo(200);
        indexer.drain();
        var api = cn.econtract.support.Http.json(drafter.get("/api/v1/search?q=" + java.net.URLEncoder.encode("数控车床 " + tag,
                java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(api.get("total").asLong()).isEqualTo(1);
        assertThat(api.at("/hits/0/highlights").size()).as(api.toString()).isPositive();
        browser = start(390, 844);
        WebDriverWait wait = loggedInAs("drafter");
        browser.get("http://localhost:" + port + "/search");
        wait.until(d -> "true".equals(d.findElement(By.cssSelector("main")).getAttribute("data-ready")));
        browser.findElement(By.cssSelector("[data-testid=search-q]")).sendKeys("数控车床 " + tag);
        clickInView(browser.findElement(By.cssSelector("[data-search] button[type=submit]")));
        try {
            wait.until(d -> d.findElements(By.cssSelector("[data-testid=hit]")).size() == 1
                    && !d.findElements(By.cssSelector("[data-testid=hit] em")).isEmpty());
        } finally {
            screenshot("search-phone");
        }
        assertThat(browser.findElement(By.cssSelector("[data-testid=hit]")).getText()).contains("#" + tag);
        assertThat(noHorizontalScroll()).as(String.valueOf(overflowing())).isTrue();
    }

    /**
     * An approved contract and a signer of its own with the general manager's right to sign: one-time
     * codes are rate-limited per person, and other tests sign as the demo users.
     */
    /**
     * Issue 8: at phone width the drafter confirms the proposed obligation plan, records the
     * advance payment on the plan page, sees the calendar, and the board lists what falls due.
     */
    @org.junit.jupiter.api.Test
    void drafterConfirmsThePlanRecordsAPaymentAndSeesTheBoard() throws IOException {
        var as = (java.util.function.Function<String, cn.econtract.support.Http>) u -> cn.econtract.support.Http.basic(port, u, "demo");
        String id = cn.econtract.support.SignedContracts.signed(as, tasks, directory, "258000.00", draft -> { });
        browser = start(390, 844);
        WebDriverWait wait = loggedInAs("drafter");
        browser.get("http://localhost:" + port + "/contracts/" + id + "/plan");
        wait.until(d -> "true".equals(d.findElement(By.cssSelector("[data-plan]")).getAttribute("data-ready")));
        assertThat(browser.findElements(By.cssSelector("[data-testid=obligation]"))).hasSize(5);
        clickInView(browser.findElement(By.cssSelector("[data-testid=confirm-plan]")));
        wait.until(d -> !d.findElements(By.cssSelector("[data-testid=fulfil-form]")).isEmpty());
        var advance = browser.findElements(By.cssSelector("[data-testid=obligation]")).stream()
                .filter(e -> e.getText().contains("预付款")).findFirst().orElseThrow();
        advance.findElement(By.cssSelector("input[name=note]")).sendKeys("银行回单 0001");
        clickInView(advance.findElement(By.cssSelector("button[type=submit]")));
        wait.until(d -> d.findElements(By.cssSelector("[data-testid=obligation].fulfilled")).size() == 1);
        clickInView(browser.findElement(By.cssSelector("[data-view=calendar]")));
        screenshot("plan-calendar-phone");
        var plan = cn.econtract.support.Http.json(as.apply("drafter").get("/api/v1/contracts/" + id + "/obligations"));
        assertThat(plan.toString()).contains("\"status\":\"FULFILLED\"").contains("银行回单 0001");
        var board = cn.econtract.support.Http.json(as.apply("drafter").get("/api/v1/fulfilment/dashboard"));
        assertThat(board.get("payable").decimalValue()).as("the acceptance and retention payments are still ours to pay")
                .isGreaterThanOrEqualTo(new java.math.BigDecimal("180600.00"));
        browser.get("http://localhost:" + port + "/fulfilment");
        wait.until(d -> "true".equals(d.findElement(By.cssSelector("[data-board]")).getAttribute("data-ready")));
        screenshot("fulfilment-board-phone");
        assertThat(noHorizontalScroll()).as(String.valueOf(overflowing())).isTrue();
    }

    /** Issue 7: in the editor the drafter tags the contract and attaches a Word file; both reach the API. */
    @org.junit.jupiter.api.Test
    void editorTagsTheContractAndAttachesAFile(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        var drafter = cn.econtract.support.Http.basic(port, "drafter", "demo");
        String id = cn.econtract.support.PurchaseDraft.create(drafter);
        Path file = dir.resolve("报价单.docx");
        Files.write(file, cn.econtract.support.Docs.docx(new String[] {"#报价单"}, new String[] {"数控车床单价二十五万元。"}));
        browser = start(1366, 900);
        WebDriverWait wait = loggedInAs("drafter");
        browser.get("http://localhost:" + port + "/contracts/" + id + "/edit");
        wait.until(d -> "true".equals(d.findElement(By.cssSelector("[data-editor]")).getAttribute("data-ready")));
        var tags = browser.findElement(By.cssSelector("[data-testid=tags-input]"));
        tags.clear();
        tags.sendKeys("框架协议，重点客户");
        clickInView(browser.findElement(By.cssSelector("[data-tags] button[type=submit]")));
        wait.until(d -> !d.findElement(By.cssSelector("[data-tags] [data-result]")).getText().isEmpty());
        browser.findElement(By.cssSelector("[data-testid=attachment-file]")).sendKeys(file.toAbsolutePath().toString());
        clickInView(browser.findElement(By.cssSelector("[data-attachment-upload] button[type=submit]")));
        try {
            wait.until(d -> d.findElements(By.cssSelector("[data-testid=attachment]")).stream().anyMatch(e -> e.getText().contains("报价单.docx")));
        } finally {
            screenshot("editor-tags-attachments");
        }
        assertThat(cn.econtract.support.Http.json(drafter.get("/api/v1/contracts/" + id + "/tags")).get("tags").toString())
                .isEqualTo("[\"框架协议\",\"重点客户\"]");
        assertThat(cn.econtract.support.Http.json(drafter.get("/api/v1/contracts/" + id + "/attachments")).get(0).get("fileName").asText())
                .isEqualTo("报价单.docx");
    }

    /**
     * Issue 7: at phone width a drafter finds an archived contract of their department in the
     * archive browser and asks to borrow it; the request waits in "my loans".
     */
    @org.junit.jupiter.api.Test
    void archiveBrowserFindsAnItemAndTheDrafterAsksToBorrowIt() throws IOException {
        var as = (java.util.function.Function<String, cn.econtract.support.Http>) u -> cn.econtract.support.Http.basic(port, u, "demo");
        String id = cn.econtract.support.PurchaseDraft.create(as.apply("drafter"), "30000.00",
                "档案浏览" + java.util.UUID.randomUUID().toString().substring(0, 6) + "有限公司");
        cn.econtract.support.Approvals.approveAll(id, "drafter", as, tasks, g -> directory.members(g, null));
        var arrange = tasks.createTaskQuery().processInstanceBusinessKey(id).taskDefinitionKey("Task_Arrange").singleResult();
        identity.setAuthentication("drafter", java.util.List.of("drafter", "purchasing"));
        try {
            tasks.complete(arrange.getId(), java.util.Map.of("arrangement", "CANCEL", "arrangementNote", "项目取消"));
        } finally {
            identity.clearAuthentication();
        }
        var filed = as.apply("archivist").post("/api/v1/archives", java.util.Map.of("contractId", id));
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        String no = cn.econtract.support.Http.json(filed).get("archiveNo").asText();

        browser = start(390, 844);
        WebDriverWait wait = loggedInAs("drafter");
        browser.get("http://localhost:" + port + "/archives/" + no);
        wait.until(d -> "true".equals(d.findElement(By.cssSelector("[data-archives]")).getAttribute("data-ready")));
        wait.until(d -> d.findElements(By.cssSelector("[data-testid=archive-item]")).size() == 1);
        assertThat(browser.findElement(By.cssSelector("[data-testid=archive-item]")).getText()).contains(no).contains("采购合同");
        assertThat(browser.findElements(By.cssSelector("[data-facet=category]"))).isNotEmpty();
        clickInView(browser.findElement(By.cssSelector("[data-testid=archive-borrow]")));
        browser.findElement(By.cssSelector("[data-testid=borrow-form] input[name=purpose]")).sendKeys("核对付款条款");
        clickInView(browser.findElement(By.cssSelector("[data-testid=borrow-form] button[type=submit]")));
        try {
            wait.until(d -> d.findElements(By.cssSelector("[data-testid=loan]")).stream().anyMatch(e -> e.getText().contains(no)));
        } finally {
            screenshot("archive-phone");
        }
        var mine = cn.econtract.support.Http.json(as.apply("drafter").get("/api/v1/me/borrowings"));
        assertThat(mine.toString()).contains(no).contains("REQUESTED").contains("核对付款条款");
        assertThat(noHorizontalScroll()).as(String.valueOf(overflowing())).isTrue();
    }

    private String approvedWithSigner(String signer, String firstName, String lastName) {
        directory.ensureUser(signer, firstName, lastName, signer + "@demo.econtract.cn", "demo", false);
        directory.ensureMembership(signer, "gm");
        String id = cn.econtract.support.PurchaseDraft.create(cn.econtract.support.Http.basic(port, "drafter", "demo"), "50000.00",
                "浏览器签署" + java.util.UUID.randomUUID().toString().substring(0, 6) + "有限公司");
        cn.econtract.support.Approvals.approveAll(id, "drafter", u -> cn.econtract.support.Http.basic(port, u, "demo"), tasks,
                g -> directory.members(g, null));
        return id;
    }

    /** A few strokes on the signing page's pad with the pointer, as a finger would. */
    private void drawSignature() {
        org.openqa.selenium.WebElement pad = browser.findElement(By.cssSelector("[data-pad]"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block:'center'})", pad);
        new org.openqa.selenium.interactions.Actions(browser).moveToElement(pad, -120, 10).clickAndHold().moveByOffset(40, -30)
                .moveByOffset(50, 50).moveByOffset(60, -40).moveByOffset(40, 30).release().perform();
    }

    /** Tasklist's panes scroll on their own and its footer overlaps the bottom: bring the element to the middle first. */
    private void clickInView(org.openqa.selenium.WebElement element) {
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    /** Logs the started browser in through the form; returns a wait for the next steps. */
    private WebDriverWait loggedInAs(String user) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get("http://localhost:" + port + "/login");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("[data-testid=login-submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=welcome]")));
        return wait;
    }

    private java.util.List<String> clauseKeys() {
        return browser.findElements(By.cssSelector("[data-clauses] > li")).stream().map(e -> e.getAttribute("data-key")).toList();
    }

    /** The deepest elements reaching past the right edge, to name what breaks a layout. */
    private Object overflowing() {
        return ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1"
                        + " && ![...e.children].some(c => c.getBoundingClientRect().right > window.innerWidth + 1))"
                        + ".slice(0, 5).map(e => e.tagName + '.' + e.className + ' w=' + Math.round(e.getBoundingClientRect().width)"
                        + " + ' right=' + Math.round(e.getBoundingClientRect().right)).join('; ')");
    }

    private boolean noHorizontalScroll() {
        Object fits = ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth <= window.innerWidth + 1;");
        return Boolean.TRUE.equals(fits);
    }

    private static WebDriver start(int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--lang=zh-CN", "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
        return driver;
    }

    private void screenshot(String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
