package cn.econtract.app.evidence.fisco;

/** The chain refused or could not be reached; the anchoring task fails and Camunda retries it. */
public class FiscoBcosException extends RuntimeException {

    public FiscoBcosException(String message) {
        super(message);
    }

    public FiscoBcosException(String message, Throwable cause) {
        super(message, cause);
    }
}
