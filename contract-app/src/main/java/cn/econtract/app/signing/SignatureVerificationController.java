package cn.econtract.app.signing;

import cn.econtract.app.document.UploadInspector;
import cn.econtract.app.kernel.BusinessException;
import cn.econtract.app.kernel.ErrorCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Signing", description = "签署与验签 signing and signature verification")
class SignatureVerificationController {

    private final SignatureVerification verification;
    private final UploadInspector uploads;
    private final RecordedRevisions recorded;

    SignatureVerificationController(SignatureVerification verification, UploadInspector uploads, RecordedRevisions recorded) {
        this.verification = verification;
        this.uploads = uploads;
        this.recorded = recorded;
    }

    @PostMapping(path = "/api/v1/signatures/verify", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "验签: upload any PDF → each signature: intact, what it covers, time-stamp, certified, issued by "
            + "our CA, revoked; evidence found: the file is a signed revision we recorded (any signed-in user; nothing is stored)")
    SignatureVerification.Report verify(@RequestPart("file") MultipartFile file) throws IOException {
        byte[] pdf = file.getBytes();
        if (uploads.inspect(file.getOriginalFilename(), pdf) != UploadInspector.Kind.PDF) {
            throw new BusinessException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "error.upload.type");
        }
        SignatureVerification.Report report = verification.verify(pdf);
        return new SignatureVerification.Report(report.signatures(), report.valid(), report.modifiedAfterLastSignature(),
                report.checks(), recorded.of(pdf));
    }
}
