package cn.econtract.app.clause;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/clauses")
@Tag(name = "Clause library", description = "条款库 reusable clauses")
class ClauseController {

    private final ClauseLibrary library;

    ClauseController(ClauseLibrary library) {
        this.library = library;
    }

    @GetMapping
    @Operation(summary = "Search current clauses by text, tag and category")
    List<LibraryClause> search(@RequestParam(required = false) String q, @RequestParam(required = false) String tag,
                               @RequestParam(required = false) String category) {
        return library.search(q, tag, category);
    }

    @GetMapping("/{code}")
    @Operation(summary = "The current version of a clause")
    LibraryClause current(@PathVariable String code) {
        return library.current(code);
    }

    @GetMapping("/{code}/versions")
    @Operation(summary = "Every version of a clause, oldest first")
    List<LibraryClause> versions(@PathVariable String code) {
        return library.versions(code);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a clause or a new version of one (permission template:edit)")
    LibraryClause add(@Valid @RequestBody NewClauseVersion request) {
        return library.addVersion(request);
    }
}
