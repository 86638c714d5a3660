package cn.econtract.app.signing;

import cn.econtract.app.contract.SignedCopies;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The contract's latest signed revision, for the document download. */
@Component
class SignedCopiesFromRevisions implements SignedCopies {

    private final SigningRepository repository;

    SignedCopiesFromRevisions(SigningRepository repository) {
        this.repository = repository;
    }

    @Override
    public Optional<SignedCopy> latest(String contractId) {
        return repository.latestRevision(contractId).filter(r -> !"SOURCE".equals(r.kind()))
                .map(r -> new SignedCopy(r.revision(), repository.content(contractId, r.revision())));
    }
}
