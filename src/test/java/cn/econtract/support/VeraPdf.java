package cn.econtract.support;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.stream.Collectors;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** veraPDF, the PDF Association's reference validator, checking PDF/A-3b. */
public final class VeraPdf {

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private VeraPdf() {
    }

    public static ValidationResult validate(byte[] pdf) throws Exception {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFA_3_B);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_3_B, false)) {
            return validator.validate(parser);
        }
    }

    public static List<TestAssertion> failed(ValidationResult result) {
        return result.getTestAssertions().stream().filter(a -> a.getStatus() == TestAssertion.Status.FAILED).toList();
    }

    /** The clauses of ISO 19005 the document fails. */
    public static List<String> clauses(ValidationResult result) {
        return failed(result).stream().map(a -> a.getRuleId().getClause()).distinct().toList();
    }

    /** Every failed rule with its message and where it failed, for an assertion message. */
    public static String failures(ValidationResult result) {
        return failed(result).stream()
                .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + " " + a.getMessage()
                        + (a.getErrorMessage() == null ? "" : " (" + a.getErrorMessage() + ")")
                        + (a.getLocation() == null ? "" : " @ " + a.getLocation().getContext()))
                .distinct().collect(Collectors.joining("\n"));
    }
}
