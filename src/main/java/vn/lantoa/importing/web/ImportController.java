package vn.lantoa.importing.web;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import vn.lantoa.audit.AuditEvent;
import vn.lantoa.audit.AuditLog;
import vn.lantoa.audit.AuditOutcome;
import vn.lantoa.importing.PlanImporter;
import vn.lantoa.planformat.Plan;
import vn.lantoa.planformat.PlanJson;
import vn.lantoa.shared.Problem;

/**
 * {@code POST /api/v1/imports}: a plan document (multipart field {@code file}) answered with its plan in the
 * {@code lantoa.plan/1} JSON. Nothing is stored: the upload is spooled to a temporary file that is deleted before the
 * answer. Refusals are {@link vn.lantoa.shared.Problem}s (problem+json from the shell); a file over 20 MB is refused
 * by the multipart limit before it is read whole.
 *
 * <p>A refused file is audited ({@code PLAN_IMPORT_REJECTED}, outcome FAILED) by its SHA-256, its size, its
 * extension and the refusal's code: enough to recognise the same file again (a secret document uploaded twice, a
 * hostile file sent by a script), nothing of its content or its name.
 */
@RestController
@RequestMapping("/api/v1/imports")
@PreAuthorize("isAuthenticated()")
class ImportController {

    static final String REJECTED = "PLAN_IMPORT_REJECTED";

    private final PlanImporter importer;
    private final AuditLog audit;

    ImportController(PlanImporter importer, AuditLog audit) {
        this.importer = importer;
        this.audit = audit;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> importPlan(@RequestParam("file") MultipartFile file) throws IOException {
        Plan plan;
        try (InputStream in = file.getInputStream()) {
            plan = importer.importStream(in, file.getOriginalFilename());
        } catch (Problem refused) {
            audit(file, refused.code());
            throw refused;
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(PlanJson.write(plan));
    }

    private void audit(MultipartFile file, String code) {
        String sha256;
        try (InputStream in = file.getInputStream()) {
            sha256 = sha256(in);
        } catch (IOException e) {
            sha256 = null;
        }
        audit.record(AuditEvent.of(REJECTED, AuditOutcome.FAILED).object("file-sha256", sha256)
                .details("code=" + code + "; bytes=" + file.getSize() + "; type=" + extension(file.getOriginalFilename())));
    }

    private static String sha256(InputStream in) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /** The extension alone ("pdf"), at most a few letters: the name itself may say what the document is. */
    private static String extension(String name) {
        if (name == null) {
            return "";
        }
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return ext.matches("[a-z0-9]{1,8}") ? ext : "?";
    }
}
