package vn.lantoa.importing.web;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import vn.lantoa.importing.PlanImporter;
import vn.lantoa.planformat.Plan;
import vn.lantoa.planformat.PlanJson;

/**
 * {@code POST /api/v1/imports}: a plan document (multipart field {@code file}) answered with its plan in the
 * {@code lantoa.plan/1} JSON. Nothing is stored: the upload is spooled to a temporary file that is deleted before the
 * answer. Refusals are {@link vn.lantoa.shared.Problem}s (problem+json from the shell); a file over 20 MB is refused
 * by the multipart limit before it is read whole.
 */
@RestController
@RequestMapping("/api/v1/imports")
@PreAuthorize("isAuthenticated()")
class ImportController {

    private final PlanImporter importer;

    ImportController(PlanImporter importer) {
        this.importer = importer;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> importPlan(@RequestParam("file") MultipartFile file) throws IOException {
        Plan plan;
        try (InputStream in = file.getInputStream()) {
            plan = importer.importStream(in, file.getOriginalFilename());
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(PlanJson.write(plan));
    }
}
