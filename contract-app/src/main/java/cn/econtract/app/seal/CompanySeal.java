package cn.econtract.app.seal;

import java.time.Instant;

/** A registered e-seal: whose it is, its purpose (合同专用章, 公章 …) and number, generated or uploaded. */
public record CompanySeal(String id, String organisation, String sealNo, String sealType, String source, String createdBy,
                          Instant createdAt) {
}
