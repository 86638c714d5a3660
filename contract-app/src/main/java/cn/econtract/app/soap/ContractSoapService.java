package cn.econtract.app.soap;

import cn.econtract.app.approval.Submissions;
import cn.econtract.app.contract.Contract;
import cn.econtract.app.contract.ContractDocuments;
import cn.econtract.app.contract.ContractService;
import cn.econtract.app.contract.NewContract;
import cn.econtract.app.identity.AccessService;
import cn.econtract.app.identity.Permission;
import cn.econtract.app.search.SearchQuery;
import cn.econtract.app.search.SearchResult;
import cn.econtract.app.search.SearchService;
import cn.econtract.ws.contract.v1.ContractDocument;
import cn.econtract.ws.contract.v1.ContractPortType;
import cn.econtract.ws.contract.v1.ContractSummary;
import cn.econtract.ws.contract.v1.ServiceFault_Exception;
import cn.econtract.ws.contract.v1.Submission;
import cn.econtract.ws.contract.v1.Variable;
import jakarta.jws.WebService;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.ZoneOffset;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The WSDL's operations over the REST API's services: each checks the permission the REST route
 * checks, then the service applies the same department boundaries (a contract of another
 * department is NOT_FOUND, as over REST) and writes the same operation log.
 */
@Component
@WebService(serviceName = "ContractService", portName = "ContractPort", targetNamespace = "urn:econtract:contract:v1",
        endpointInterface = "cn.econtract.ws.contract.v1.ContractPortType", wsdlLocation = "classpath:wsdl/contract-service.wsdl")
class ContractSoapService implements ContractPortType {

    private final ContractService contracts;
    private final ContractDocuments documents;
    private final Submissions submissions;
    private final SearchService search;
    private final AccessService access;
    private final Validator validator;
    private final SoapFaults faults;

    ContractSoapService(ContractService contracts, ContractDocuments documents, Submissions submissions, SearchService search,
                        AccessService access, Validator validator, SoapFaults faults) {
        this.contracts = contracts;
        this.documents = documents;
        this.submissions = submissions;
        this.search = search;
        this.access = access;
        this.validator = validator;
        this.faults = faults;
    }

    @Override
    public ContractSummary createContract(String templateId, String title, List<Variable> variables) throws ServiceFault_Exception {
        return call(Permission.CONTRACT_CREATE, () -> {
            // a call with no variable elements may come through as null
            Map<String, Object> values = VariablePaths.nest((variables == null ? List.<Variable>of() : variables).stream()
                    .map(v -> (Map.Entry<String, String>) new AbstractMap.SimpleImmutableEntry<>(v.getName(), v.getValue())).toList());
            return new NewContract(title, null, null, null, null, null, null, null, templateId, values, null, null, false);
        }, request -> summary(contracts.create(request)));
    }

    @Override
    public Submission submitContract(String contractId) throws ServiceFault_Exception {
        return call(Permission.CONTRACT_SUBMIT, () -> contractId, id -> {
            Submissions.Submitted submitted = submissions.submit(id);
            Submission submission = new Submission();
            submission.setStatus(submitted.status());
            submission.setRound(submitted.round());
            return submission;
        });
    }

    @Override
    public ContractSummary getContract(String contractId) throws ServiceFault_Exception {
        return call(Permission.CONTRACT_VIEW, () -> contractId, id -> summary(contracts.get(id)));
    }

    @Override
    public ContractDocument getContractDocument(String contractId) throws ServiceFault_Exception {
        return call(Permission.CONTRACT_VIEW, () -> contractId, id -> {
            ContractDocuments.Rendered pdf = documents.pdf(id);
            ContractDocument document = new ContractDocument();
            document.setFileName(pdf.contractNo() + "-v" + pdf.version() + ".pdf");
            document.setContentType("application/pdf");
            document.setVersion(pdf.version());
            document.setSha256(pdf.sha256());
            document.setContent(pdf.bytes());
            return document;
        });
    }

    @Override
    public cn.econtract.ws.contract.v1.SearchResult searchContracts(String text, String status, String counterparty, Integer page, Integer size)
            throws ServiceFault_Exception {
        return call(Permission.CONTRACT_VIEW, () -> new SearchQuery(text, status, null, null, null, counterparty, null, null, null, null, null,
                null, null, null, null, page == null ? 0 : page, size == null ? 20 : size), query -> {
            SearchResult found = search.search(query);
            cn.econtract.ws.contract.v1.SearchResult result = new cn.econtract.ws.contract.v1.SearchResult();
            result.setTotal(found.total());
            found.hits().forEach(h -> result.getContract().add(summary(h)));
            return result;
        });
    }

    /** Permission, then the request as the service takes it (validated like a REST body), then the service; errors as faults. */
    private <Q, R> R call(Permission permission, Supplier<Q> request, java.util.function.Function<Q, R> service) throws ServiceFault_Exception {
        try {
            access.require(permission);
            Q q = request.get();
            Set<ConstraintViolation<Q>> violations = q == null ? Set.of() : validator.validate(q);
            if (!violations.isEmpty()) {
                throw faults.invalid(violations);
            }
            return service.apply(q);
        } catch (RuntimeException e) {
            throw faults.of(e);
        }
    }

    private static ContractSummary summary(Contract contract) {
        ContractSummary summary = new ContractSummary();
        summary.setId(contract.id());
        summary.setContractNo(contract.contractNo());
        summary.setTitle(contract.title());
        summary.setContractType(contract.contractType());
        summary.setCounterpartyName(contract.counterpartyName());
        summary.setAmount(contract.amount());
        summary.setStatus(contract.status().name());
        if (contract.updatedAt() != null) {
            summary.setUpdatedAt(javax.xml.datatype.DatatypeFactory.newDefaultInstance()
                    .newXMLGregorianCalendar(java.util.GregorianCalendar.from(contract.updatedAt().atZone(ZoneOffset.UTC))));
        }
        return summary;
    }

    private static ContractSummary summary(SearchResult.Hit hit) {
        ContractSummary summary = new ContractSummary();
        summary.setId(hit.id());
        summary.setContractNo(hit.contractNo());
        summary.setTitle(hit.title());
        summary.setContractType(hit.contractType());
        summary.setCounterpartyName(hit.counterparty());
        summary.setAmount(hit.amount() == null ? null : java.math.BigDecimal.valueOf(hit.amount()));
        summary.setStatus(hit.status());
        return summary;
    }
}
