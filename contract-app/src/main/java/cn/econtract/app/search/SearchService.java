package cn.econtract.app.search;

import cn.econtract.app.identity.AccessService;
import cn.econtract.app.identity.Permission;
import cn.econtract.app.identity.UserProfile;
import java.util.Set;
import org.springframework.stereotype.Service;

/** Searches as the caller: only contracts of departments they may view, and the ones they created. */
@Service
public class SearchService {

    private final SearchIndex index;
    private final AccessService access;

    SearchService(SearchIndex index, AccessService access) {
        this.index = index;
        this.access = access;
    }

    public SearchResult search(SearchQuery request) {
        UserProfile me = access.currentUser();
        Set<String> departments = access.departmentFilter(Permission.CONTRACT_VIEW).orElse(null);
        return index.search(new SearchQuery(request.text(), request.status(), request.signingStatus(), request.contractType(),
                request.departmentId(), request.counterparty(), request.tag(), request.minAmount(), request.maxAmount(),
                request.effectiveFrom(), request.effectiveTo(), request.expiresBefore(), departments, me.id(), request.sort(),
                request.page(), request.size()));
    }
}
