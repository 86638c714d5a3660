package cn.econtract.app.timestamp;

import cn.econtract.app.kernel.BusinessException;
import cn.econtract.app.kernel.ErrorCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The built-in authority over HTTP (RFC 3161 §3.4), for a second installation or a signing tool
 * that wants our time. Signed-in callers only (Basic credentials work): an open TSA is a free
 * signing oracle. A request that is not a time-stamp query is a 400, one over 4 KiB a 413; nothing is signed.
 */
@RestController
@Tag(name = "time-stamping")
class TimeStampController {

    static final int MAX_QUERY = 4096;

    private final EmbeddedTimeStampAuthority authority;

    TimeStampController(EmbeddedTimeStampAuthority authority) {
        this.authority = authority;
    }

    @PostMapping(path = "/tsa", consumes = HttpTimeStampAuthority.QUERY, produces = HttpTimeStampAuthority.REPLY)
    @Operation(summary = "RFC 3161 time-stamp (application/timestamp-query in, application/timestamp-reply out)")
    ResponseEntity<byte[]> stamp(@RequestBody byte[] query) throws TSPException, IOException {
        if (query.length > MAX_QUERY) {
            throw new BusinessException(ErrorCode.PAYLOAD_TOO_LARGE, "error.timestamp.tooLarge", MAX_QUERY);
        }
        TimeStampRequest request;
        try {
            request = new TimeStampRequest(query);
        } catch (IOException | IllegalArgumentException | ClassCastException e) {
            throw new BusinessException(ErrorCode.MALFORMED_REQUEST, "error.timestamp.badQuery");
        }
        return ResponseEntity.ok(authority.respond(request).getEncoded());
    }
}
