package cn.econtract.app.archive;

import cn.econtract.app.kernel.BusinessException;
import cn.econtract.app.kernel.FieldError;
import cn.econtract.app.kernel.InvalidFieldsException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Archive", description = "归档 archive: register, archival copies, loans")
class ArchiveController {

    private static final int MAX_PAGE_SIZE = 100;

    private final Archives archives;
    private final ArchiveBorrowings borrowings;

    ArchiveController(Archives archives, ArchiveBorrowings borrowings) {
        this.archives = archives;
        this.borrowings = borrowings;
    }

    @GetMapping("/api/v1/archives")
    @Operation(summary = "Browse the register by category, year, department or text; with counts per category, year and department")
    Archives.Page browse(@RequestParam(required = false) String category, @RequestParam(required = false) Integer year,
                         @RequestParam(required = false) String department, @RequestParam(required = false) String q,
                         @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE || (q != null && q.length() > 100)) {
            throw new InvalidFieldsException(List.of(new FieldError(q != null && q.length() > 100 ? "q" : "size",
                    "validation.archive.page", MAX_PAGE_SIZE)));
        }
        return archives.browse(new ArchiveFilter(blankToNull(category), year, blankToNull(department), blankToNull(q)), page, size);
    }

    record FileRequest(String contractId) {
    }

    @PostMapping("/api/v1/archives")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "File a terminated contract on request (archive:manage); completed contracts are filed automatically")
    ArchiveRecord file(@RequestBody FileRequest body) {
        if (body == null || body.contractId() == null || body.contractId().isBlank()) {
            throw new InvalidFieldsException(List.of(new FieldError("contractId", "validation.required")));
        }
        return archives.fileOnRequest(body.contractId());
    }

    @GetMapping("/api/v1/archives/{archiveNo}")
    @Operation(summary = "One register entry with its destruction reviews")
    Map<String, Object> record(@PathVariable String archiveNo) {
        return Map.of("record", archives.record(checked(archiveNo)), "appraisals", archives.appraisals(archiveNo));
    }

    @GetMapping("/api/v1/archives/{archiveNo}/copy")
    @Operation(summary = "The archival copy (PDF/A-3b, embedding the signed original and its evidence); readers, or a borrower during the loan")
    ResponseEntity<byte[]> copy(@PathVariable String archiveNo) {
        String no = checked(archiveNo);
        return file(archives.copy(no, borrowings.onLoan(no)), MediaType.APPLICATION_PDF, no + ".pdf");
    }

    @GetMapping("/api/v1/archives/{archiveNo}/package")
    @Operation(summary = "The archive package (ZIP: archival copy, original, evidence, manifest); readers only")
    ResponseEntity<byte[]> packageZip(@PathVariable String archiveNo) {
        String no = checked(archiveNo);
        return file(archives.packageZip(no), MediaType.parseMediaType("application/zip"), no + ".zip");
    }

    record BorrowRequest(String purpose, Integer days) {
    }

    @PostMapping("/api/v1/archives/{archiveNo}/borrowings")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ask to borrow an archived item (archive:borrow in its department); an archivist approves")
    ArchiveBorrowing borrow(@PathVariable String archiveNo, @RequestBody BorrowRequest body) {
        if (body == null) {
            throw new InvalidFieldsException(List.of(new FieldError("purpose", "validation.required")));
        }
        return borrowings.request(checked(archiveNo), body.purpose(), body.days());
    }

    @GetMapping("/api/v1/archives/{archiveNo}/borrowings")
    @Operation(summary = "An item's loans (archive:manage)")
    List<ArchiveBorrowing> loans(@PathVariable String archiveNo) {
        return borrowings.ofArchive(checked(archiveNo));
    }

    @GetMapping("/api/v1/me/borrowings")
    @Operation(summary = "The caller's borrowing requests and loans")
    List<ArchiveBorrowing> mine() {
        return borrowings.mine();
    }

    @PostMapping("/api/v1/me/borrowings/{id}/return")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Give a loan back before it expires")
    void giveBack(@PathVariable String id) {
        borrowings.giveBack(id);
    }

    /** A malformed number is simply not in the register. */
    private static String checked(String archiveNo) {
        if (!ArchiveNumbers.wellFormed(archiveNo)) {
            throw BusinessException.notFound("archive", archiveNo);
        }
        return archiveNo;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static ResponseEntity<byte[]> file(byte[] bytes, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(bytes);
    }
}
