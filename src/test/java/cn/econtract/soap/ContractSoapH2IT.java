package cn.econtract.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.econtract.app.identity.DirectoryService;
import cn.econtract.app.kernel.Sha256;
import cn.econtract.app.search.SearchIndexer;
import cn.econtract.support.Http;
import cn.econtract.support.OnH2;
import cn.econtract.support.PurchaseDraft;
import cn.econtract.ws.contract.v1.ContractDocument;
import cn.econtract.ws.contract.v1.ContractPortType;
import cn.econtract.ws.contract.v1.ContractSummary;
import cn.econtract.ws.contract.v1.SearchResult;
import cn.econtract.ws.contract.v1.ServiceFault;
import cn.econtract.ws.contract.v1.ServiceFault_Exception;
import cn.econtract.ws.contract.v1.Submission;
import cn.econtract.ws.contract.v1.Variable;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.handler.MessageContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 9 (A3): the SOAP service through a client generated from the published WSDL — the core
 * operations with the REST API's permissions and department boundaries, errors as ServiceFaults
 * with the REST codes in the caller's language, and nothing without credentials.
 */
@OnH2
class ContractSoapH2IT {

    @LocalServerPort
    int port;
    @Autowired
    SearchIndexer indexer;
    @Autowired
    DirectoryService directory;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void anOaSystemDraftsSubmitsFollowsAndFetchesAContractOverSoap() throws Exception {
        ContractPortType drafter = client("drafter", "demo");
        String counterparty = "SOAP供应商" + UUID.randomUUID().toString().substring(0, 6) + "有限公司";
        List<Variable> variables = purchaseVariables(counterparty);
        String templateId = PurchaseDraft.templateId(Http.basic(port, "drafter", "demo"));

        ContractSummary created = drafter.createContract(templateId, "OA 发起：数控车床采购", variables);
        assertThat(created.getStatus()).isEqualTo("DRAFT");
        assertThat(created.getCounterpartyName()).isEqualTo(counterparty);
        assertThat(created.getAmount()).isEqualByComparingTo("258000.00");
        var rest = Http.json(Http.basic(port, "drafter", "demo").get("/api/v1/contracts/" + created.getId()));
        assertThat(rest.get("title").asText()).as("the same contract the REST API shows").isEqualTo("OA 发起：数控车床采购");
        assertThat(rest.get("counterpartyName").asText()).isEqualTo(counterparty);
        assertThat(rest.get("body").asText()).contains("数控车床 CK6150").contains("258,000.00");

        ContractDocument pdf = drafter.getContractDocument(created.getId());
        assertThat(new String(pdf.getContent(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(pdf.getSha256()).isEqualTo(Sha256.hex(pdf.getContent()));
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");

        Submission submitted = drafter.submitContract(created.getId());
        assertThat(submitted.getRound()).isEqualTo(1);
        ContractSummary followed = drafter.getContract(created.getId());
        assertThat(followed.getStatus()).isEqualTo(submitted.getStatus())
                .isEqualTo(Http.json(Http.basic(port, "drafter", "demo").get("/api/v1/contracts/" + created.getId())).get("status").asText())
                .isNotEqualTo("DRAFT");

        indexer.drain();
        SearchResult found = drafter.searchContracts("\"" + counterparty + "\"", null, null, 0, 10);
        assertThat(found.getTotal()).isOne();
        assertThat(found.getContract().get(0).getId()).isEqualTo(created.getId());
    }

    @Test
    void anotherDepartmentsContractIsNotFoundAndAMissingPermissionIsForbiddenAsOverRest() throws Exception {
        String counterparty = "边界" + UUID.randomUUID().toString().substring(0, 6) + "有限公司";
        String id = PurchaseDraft.create(Http.basic(port, "drafter", "demo"), "12000.00", counterparty);
        indexer.drain();
        String sales = "soapsales" + UUID.randomUUID().toString().substring(0, 4);
        directory.ensureUser(sales, "销", "售", sales + "@demo.econtract.cn", "demo", false);
        directory.ensureMembership(sales, "drafter");
        directory.ensureMembership(sales, "sales");
        assertThat(Http.basic(port, sales, "demo").get("/api/v1/contracts/" + id).statusCode()).isEqualTo(404);

        ServiceFault notFound = fault(() -> client(sales, "demo").getContract(id));
        assertThat(notFound.getCode()).isEqualTo("NOT_FOUND");
        assertThat(notFound.getStatus()).isEqualTo(404);
        assertThat(fault(() -> client(sales, "demo").getContractDocument(id)).getCode()).isEqualTo("NOT_FOUND");
        assertThat(fault(() -> client(sales, "demo").submitContract(id)).getCode()).isEqualTo("NOT_FOUND");
        assertThat(client(sales, "demo").searchContracts("\"" + counterparty + "\"", null, null, 0, 10).getTotal()).isZero();
        assertThat(client("drafter", "demo").searchContracts("\"" + counterparty + "\"", null, null, 0, 10).getTotal()).isOne();

        // the seal custodian may not draft
        ServiceFault forbidden = fault(() -> client("seal", "demo").createContract("x", "不应创建", List.of()));
        assertThat(forbidden.getCode()).isEqualTo("FORBIDDEN");
        assertThat(forbidden.getStatus()).isEqualTo(403);
    }

    @Test
    void badInputIsAFaultThatNamesTheFieldInTheCallersLanguageAndCreatesNothing() throws Exception {
        long before = total();
        String templateId = PurchaseDraft.templateId(Http.basic(port, "drafter", "demo"));
        List<Variable> variables = purchaseVariables("校验" + UUID.randomUUID().toString().substring(0, 6) + "有限公司");
        variables.add(variable("partyB..name", "x"));
        ServiceFault badPath = fault(() -> client("drafter", "demo").createContract(templateId, "坏变量", variables));
        assertThat(badPath.getCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(badPath.getStatus()).isEqualTo(400);
        assertThat(badPath.getFieldError()).singleElement().satisfies(f -> {
            assertThat(f.getField()).isEqualTo("variable");
            assertThat(f.getMessage()).contains("partyB..name").contains("变量名");
        });

        ContractPortType english = client("drafter", "demo");
        ((BindingProvider) english).getRequestContext().put(MessageContext.HTTP_REQUEST_HEADERS, Map.of("Accept-Language", List.of("en")));
        ServiceFault blankTitle = fault(() -> english.createContract(templateId, " ", purchaseVariables("标题" + UUID.randomUUID().toString()
                .substring(0, 6) + "有限公司")));
        assertThat(blankTitle.getCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(blankTitle.getMessage()).isEqualTo("Validation failed");
        assertThat(blankTitle.getFieldError()).extracting(ServiceFault.FieldError::getField).containsExactly("title");

        assertThat(fault(() -> client("drafter", "demo").getContract("no-such-contract")).getCode()).isEqualTo("NOT_FOUND");
        assertThat(total()).as("nothing was created").isEqualTo(before);
    }

    @Test
    void withoutValidCredentialsNothingIsAnswered() {
        for (ContractPortType anonymous : List.of(client(null, null), client("drafter", "wrong-password"))) {
            assertThatThrownBy(() -> anonymous.getContract("any")).isInstanceOf(WebServiceException.class)
                    .rootCause().hasMessageContaining("401");
        }
        assertThat(Http.anonymous(port).get("/services/contracts?wsdl").statusCode()).isEqualTo(401);
        var wsdl = Http.basic(port, "drafter", "demo").get("/services/contracts?wsdl");
        assertThat(wsdl.statusCode()).isEqualTo(200);
        assertThat(wsdl.body()).contains("CreateContract").contains("ServiceFault");
    }

    /** A document type declaration in a SOAP message (external entity, entity expansion) is refused, nothing read or expanded. */
    @Test
    void aDoctypeInTheEnvelopeIsRefusedAndNoEntityIsResolved(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        String marker = "XXE-" + java.util.UUID.randomUUID();
        java.nio.file.Path secret = java.nio.file.Files.writeString(dir.resolve("secret.txt"), marker);
        String external = "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:c=\"urn:econtract:contract:v1\">"
                + "<soap:Body><c:GetContract><contractId>&x;</contractId></c:GetContract></soap:Body></soap:Envelope>";
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>"
                + "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:c=\"urn:econtract:contract:v1\">"
                + "<soap:Body><c:GetContract><contractId>&d;</contractId></c:GetContract></soap:Body></soap:Envelope>";
        for (String envelope : List.of(external, laughs)) {
            var answer = Http.basic(port, "drafter", "demo").postRaw("/services/contracts", "text/xml; charset=UTF-8", envelope);
            assertThat(answer.statusCode()).as(answer.body()).isBetween(400, 599);
            assertThat(answer.body()).contains("Fault").doesNotContain(marker).doesNotContain("aaaaaaaaaaaaaaaaaaaa");
        }
    }

    private ContractPortType client(String user, String password) {
        ContractPortType port = new cn.econtract.ws.contract.v1.ContractService().getContractPort();
        Map<String, Object> context = ((BindingProvider) port).getRequestContext();
        context.put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, "http://localhost:" + this.port + "/services/contracts");
        if (user != null) {
            context.put(BindingProvider.USERNAME_PROPERTY, user);
            context.put(BindingProvider.PASSWORD_PROPERTY, password);
        }
        return port;
    }

    private long total() {
        return jdbc.sql("SELECT COUNT(*) FROM contract").query(Long.class).single();
    }

    interface Call {
        void run() throws ServiceFault_Exception;
    }

    private static ServiceFault fault(Call call) {
        try {
            call.run();
        } catch (ServiceFault_Exception e) {
            return e.getFaultInfo();
        }
        return new ServiceFault();  // no fault: code null, which the assertions above name
    }

    /** The shipped purchase fixture as an OA form would send it: one path and text value per field. */
    private static List<Variable> purchaseVariables(String counterparty) {
        Map<String, Object> values = PurchaseDraft.variables();
        @SuppressWarnings("unchecked")
        Map<String, Object> partyB = new java.util.LinkedHashMap<>((Map<String, Object>) values.get("partyB"));
        partyB.put("name", counterparty);
        values.put("partyB", partyB);
        List<Variable> flat = new ArrayList<>();
        flatten("", values, flat);
        return flat;
    }

    private static void flatten(String path, Object value, List<Variable> into) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(path.isEmpty() ? k.toString() : path + "." + k, v, into));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(path + "[" + i + "]", list.get(i), into);
            }
        } else {
            into.add(variable(path, String.valueOf(value)));
        }
    }

    private static Variable variable(String name, String value) {
        Variable v = new Variable();
        v.setName(name);
        v.setValue(value);
        return v;
    }
}
