package cn.econtract.app.contract;

import java.time.Instant;

/** A version in a contract's history, without its content. */
public record ContractVersionLine(int version, String contentHash, ContractVersion.VersionSource source, String createdBy,
                                  Instant createdAt) {
}
