package cn.econtract.app.search;

import java.util.List;

/** The fields counted for every search. */
final class Facets {

    static final List<String> FIELDS = List.of("status", "signingStatus", "contractType", "departmentId");

    private Facets() {
    }
}
