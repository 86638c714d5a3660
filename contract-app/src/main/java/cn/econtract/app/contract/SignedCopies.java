package cn.econtract.app.contract;

import java.util.Optional;

/** The signed PDF of a contract once signing began (implemented by signing): the document from then on. */
public interface SignedCopies {

    Optional<SignedCopy> latest(String contractId);

    record SignedCopy(int revision, byte[] pdf) {
    }
}
