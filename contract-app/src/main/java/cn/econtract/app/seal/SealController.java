package cn.econtract.app.seal;

import cn.econtract.app.identity.AccessService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Seals", description = "电子印章 company e-seals")
class SealController {

    private final CompanySeals seals;
    private final AccessService access;

    SealController(CompanySeals seals, AccessService access) {
        this.seals = seals;
        this.access = access;
    }

    record NewSeal(String organisation, String sealType, String sealNo) {
    }

    record UploadedSeal(String organisation, String sealType, String sealNo, String png) {
    }

    @GetMapping("/api/v1/seals")
    @Operation(summary = "Active seals (seal custodians and administrators)")
    List<CompanySeal> list() {
        return seals.active();
    }

    @GetMapping("/api/v1/seals/{id}/image")
    @Operation(summary = "A seal's image (PNG)")
    ResponseEntity<byte[]> image(@PathVariable String id) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.IMAGE_PNG).body(seals.image(id));
    }

    @PostMapping("/api/v1/seals")
    @Operation(summary = "Generate a seal in the customary look: red ring, name along the arc, star, purpose, number (administrators)")
    ResponseEntity<CompanySeal> generate(@RequestBody NewSeal body) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(seals.generate(body.organisation(), body.sealType(), body.sealNo(), access.currentUser().id()));
    }

    @PostMapping("/api/v1/seals/upload")
    @Operation(summary = "Register an uploaded seal image (PNG base64, transparent background, ≤ 1 MiB, ≤ 2000 px) (administrators)")
    ResponseEntity<CompanySeal> upload(@RequestBody UploadedSeal body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(seals.upload(body.organisation(), body.sealType(), body.sealNo(),
                PngImages.fromBase64(body.png()), access.currentUser().id()));
    }
}
