package vn.lantoa.activity.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import vn.lantoa.account.CurrentUser;
import vn.lantoa.activity.Activity;
import vn.lantoa.activity.ActivityManagement;
import vn.lantoa.activity.BulkActivities;
import vn.lantoa.activity.Evidence;
import vn.lantoa.activity.Indicator;
import vn.lantoa.activity.Indicators;
import vn.lantoa.planformat.ChannelKind;
import vn.lantoa.shared.Problem;

/**
 * Activities, their evidence and the indicator catalogue over HTTP. Who may do what: the module's package-info.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Hoạt động", description = "Hoạt động đã thực hiện, minh chứng, danh mục chỉ tiêu")
class ActivityApi {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ActivityManagement activities;
    private final Indicators indicators;
    private final BulkActivities bulk;

    ActivityApi(ActivityManagement activities, Indicators indicators, BulkActivities bulk) {
        this.activities = activities;
        this.indicators = indicators;
        this.bulk = bulk;
    }

    @GetMapping(path = "/plans/{id}/activities-template.xlsx", produces = XLSX)
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Tải mẫu XLSX nhập nhiều hoạt động của một kế hoạch", description = "Cột: tên hoạt động, "
            + "ngày bắt đầu, ngày kết thúc (dd/MM/yyyy), hình thức, đợt, nhiệm vụ, địa điểm, mô tả, rồi một cột cho mỗi "
            + "chỉ tiêu theo hình thức (mã trong ngoặc vuông); danh sách chọn cho hình thức, đợt, nhiệm vụ. Chỉ người "
            + "được ghi nhận hoạt động cho kế hoạch (404, 403, 409 như khi ghi nhận một hoạt động).")
    ResponseEntity<byte[]> template(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        byte[] file = bulk.template(user, id);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentDisposition(ContentDisposition.attachment()
                .filename("mau-nhap-hoat-dong-" + id + ".xlsx", StandardCharsets.UTF_8).build());
        headers.setContentType(MediaType.parseMediaType(XLSX));
        return ResponseEntity.ok().headers(headers).body(file);
    }

    @PostMapping(path = "/activities/bulk", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Nhập nhiều hoạt động từ tệp XLSX theo mẫu", description = "multipart/form-data: planId, file "
            + "(mẫu đã điền, tối đa 5 MB, 1.000 dòng), again (true: vẫn ghi nhận tệp đã tải lên trước đó). Tất cả hoặc "
            + "không: một dòng sai thì không ghi nhận gì, 422 ACTIVITY_BULK_ROWS_INVALID với errors [{row, column, "
            + "detail}]. Cùng tệp đã ghi nhận: 409 ACTIVITY_BULK_DUPLICATE (gửi lại với again=true nếu đúng ý). Tệp "
            + "nén bất thường: 422 ZIP_BOMB. 201 với số hoạt động đã ghi nhận.")
    ResponseEntity<BulkActivities.Result> bulk(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) Long planId, @RequestParam(name = "file", required = false)
            MultipartFile file, @RequestParam(defaultValue = "false") boolean again) throws IOException {
        BulkActivities.Result result = bulk.upload(user, required(planId), file == null ? null
                : file.getOriginalFilename(), bytes(file), again);
        return ResponseEntity.created(URI.create("/api/v1/activities?plan=" + planId)).body(result);
    }

    /** The plan of a bulk upload, or 400 as for a single activity. */
    static long required(Long planId) {
        if (planId == null) {
            throw Problem.badRequest("ACTIVITY_INVALID", "Hãy chọn kế hoạch mà hoạt động thực hiện.");
        }
        return planId;
    }

    /** The uploaded file's bytes, refused before reading when it is larger than a template can be. */
    static byte[] bytes(MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw Problem.unprocessable("ACTIVITY_BULK_FILE_EMPTY", "Tệp tải lên không có dữ liệu.");
        }
        if (file.getSize() > BulkActivities.MAX_BYTES) {
            throw new Problem(413, "ACTIVITY_BULK_FILE_TOO_LARGE", "Tệp quá lớn: tối đa {0} MB.",
                    BulkActivities.MAX_BYTES >> 20);
        }
        return file.getBytes();
    }

    @PostMapping(path = "/activities", consumes = {MediaType.MULTIPART_FORM_DATA_VALUE,
            MediaType.APPLICATION_FORM_URLENCODED_VALUE})
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Ghi nhận hoạt động", description = "multipart/form-data: planId, title, channel (mass_media, "
            + "oral, visual …), startsOn, endsOn (dd/MM/yyyy hoặc yyyy-MM-dd), phase, task, place, description, "
            + "notable, output.<mã chỉ tiêu>=số lượng, link (nhiều lần, http/https) và các tệp minh chứng (ảnh JPEG/PNG, "
            + "PDF, DOCX; kiểm tra theo nội dung; tối đa 20 MB mỗi tệp, 100 MB mỗi hoạt động). Đơn vị luôn là đơn vị "
            + "của người dùng. Tất cả hoặc không: một tệp bị từ chối thì không lưu gì. 201 với Location.")
    ResponseEntity<Activity> record(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request) {
        List<ActivityManagement.Upload> uploads = new ArrayList<>();
        MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        if (multipart != null) {
            multipart.getMultiFileMap().values().forEach(files -> files.stream()
                    .filter(f -> f != null && !(f.isEmpty() && (f.getOriginalFilename() == null
                            || f.getOriginalFilename().isEmpty())))
                    .forEach(f -> uploads.add(upload(f))));
        }
        Activity created = activities.record(user, ActivityForm.read(request.getParameterMap()), uploads);
        return ResponseEntity.created(URI.create("/api/v1/activities/" + created.id())).body(created);
    }

    @GetMapping("/activities")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Danh sách hoạt động", description = "Hoạt động của đơn vị mình và cấp dưới (unit: một đơn "
            + "vị trong đó; đơn vị ngoài phạm vi cho danh sách rỗng), lọc theo plan và ngày bắt đầu from/to "
            + "(yyyy-MM-dd). Mới nhất trước, tối đa 500.")
    List<Activity> list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long plan,
            @RequestParam(required = false) Long unit, @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to, @RequestParam(defaultValue = "100") int limit) {
        return activities.list(user, plan, unit, from, to, limit);
    }

    @GetMapping("/activities/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Một hoạt động", description = "404 ACTIVITY_NOT_FOUND nếu không có hoặc không được xem.")
    Activity get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return activities.get(user, id);
    }

    @GetMapping(path = "/evidence/{id}", produces = MediaType.ALL_VALUE)
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Tải tệp minh chứng", description = "Luôn là tệp đính kèm, kiểu theo nội dung đã kiểm tra, "
            + "nosniff, CSP sandbox. 404 EVIDENCE_NOT_FOUND nếu không có, là đường dẫn, hoặc không được xem.")
    ResponseEntity<InputStreamResource> file(@AuthenticationPrincipal CurrentUser user, @PathVariable long id)
            throws IOException {
        Evidence evidence = activities.evidence(user, id).getValue();
        if (evidence.kind() != Evidence.Kind.FILE) {
            throw Problem.notFound("EVIDENCE_NOT_FOUND", "Không tìm thấy minh chứng.");
        }
        return download(activities.open(evidence.sha256()), evidence.mediaType(), evidence.sizeBytes(),
                evidence.displayName());
    }

    @GetMapping(path = "/evidence/{id}/thumbnail", produces = MediaType.ALL_VALUE)
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Ảnh thu nhỏ của minh chứng", description = "JPEG không có siêu dữ liệu (không có vị trí GPS).")
    ResponseEntity<InputStreamResource> thumbnail(@AuthenticationPrincipal CurrentUser user, @PathVariable long id)
            throws IOException {
        Evidence evidence = activities.evidence(user, id).getValue();
        if (!evidence.hasThumbnail()) {
            throw Problem.notFound("EVIDENCE_NOT_FOUND", "Không tìm thấy minh chứng.");
        }
        return download(activities.open(evidence.thumbnailSha256()), MediaType.IMAGE_JPEG_VALUE, null,
                "thu-nho-" + evidence.id() + ".jpg");
    }

    @GetMapping("/indicators")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Danh mục chỉ tiêu", description = "Mọi chỉ tiêu theo hình thức tuyên truyền, cả chỉ tiêu đã "
            + "ngừng dùng (active = false).")
    List<Indicator> indicators() {
        return indicators.all();
    }

    /** What an administrator sends to extend the catalogue. */
    record NewIndicator(String code, String channel, String name, String unitLabel) {
    }

    @PostMapping(path = "/indicators", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Thêm chỉ tiêu", description = "Chỉ quản trị hệ thống. {code, channel, name, unitLabel}; "
            + "409 INDICATOR_EXISTS nếu mã đã có.")
    ResponseEntity<Indicator> addIndicator(@AuthenticationPrincipal CurrentUser user,
            @RequestBody NewIndicator body) {
        Indicator added = indicators.add(user, body.code(), ChannelKind.fromJson(body.channel()), body.name(),
                body.unitLabel());
        return ResponseEntity.created(URI.create("/api/v1/indicators")).body(added);
    }

    static ResponseEntity<InputStreamResource> download(InputStream in, String mediaType, Long size, String name) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentDisposition(ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build());
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Content-Security-Policy", "sandbox; default-src 'none'");
        headers.setContentType(MediaType.parseMediaType(mediaType));
        if (size != null) {
            headers.setContentLength(size);
        }
        return ResponseEntity.ok().headers(headers).body(new InputStreamResource(in));
    }

    static ActivityManagement.Upload upload(MultipartFile file) {
        return new ActivityManagement.Upload() {
            @Override
            public String filename() {
                return file.getOriginalFilename();
            }

            @Override
            public InputStream open() throws IOException {
                return file.getInputStream();
            }
        };
    }

}
