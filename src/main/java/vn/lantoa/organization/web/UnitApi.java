package vn.lantoa.organization.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.lantoa.organization.BulkLoadResult;
import vn.lantoa.organization.NewUnit;
import vn.lantoa.organization.Unit;
import vn.lantoa.organization.UnitActor;
import vn.lantoa.organization.UnitChange;
import vn.lantoa.organization.UnitKind;
import vn.lantoa.organization.UnitManagement;
import vn.lantoa.organization.UnitSystem;
import vn.lantoa.organization.UnitVersion;
import vn.lantoa.organization.Units;
import vn.lantoa.shared.Problem;

/**
 * The unit tree over HTTP. Every logged-in user reads names and the tree (RELIABILITY.md §(a) rule 6); changes need
 * the actor's unit authority ({@link UnitManagement} checks it: 403 {@code FORBIDDEN}, 409 {@code UNIT_CLOSED}, 409
 * {@code STALE_VERSION}). Changes carry the {@code version} they replace.
 */
@RestController
@RequestMapping(path = "/api/v1/units", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Đơn vị", description = "Cây tổ chức: đơn vị, cấp trên, lịch sử tên gọi, sáp nhập")
class UnitApi {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 1000;

    private final Units units;
    private final UnitManagement management;

    UnitApi(Units units, UnitManagement management) {
        this.units = units;
        this.management = management;
    }

    /** A unit as the API shows it. */
    record UnitView(long id, String name, String shortName, UnitKind kind, UnitSystem system, String code,
            Long parentId, String path, int depth, boolean closed, LocalDate closedOn, Long successorId,
            long version) {
    }

    record CreateRequest(Long parentId, String name, String shortName, UnitKind kind, UnitSystem system, String code,
            LocalDate validFrom) {
    }

    record UpdateRequest(String name, String shortName, String code, UnitKind kind, UnitSystem system, Long version,
            LocalDate effectiveFrom) {
    }

    record MoveRequest(Long parentId, Long version, LocalDate effectiveFrom) {
    }

    record CloseRequest(Long version, LocalDate closedOn) {
    }

    record MergeRequest(Long successorId, Long version, LocalDate effectiveOn) {
    }

    record ImportResult(int created, List<Long> ids) {
    }

    UnitView view(Unit u) {
        return new UnitView(u.id(), u.name(), u.shortName(), u.kind(), u.system(), u.code(), u.parentId(), u.path(),
                u.depth(), u.closed(), u.closed() ? units.closedOn(u.id()).orElse(null) : null, u.successorId(),
                u.version());
    }

    private List<UnitView> views(List<Unit> list) {
        return list.stream().map(this::view).toList();
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Danh sách đơn vị", description = "q: tìm theo tên không dấu; parentId: đơn vị trực thuộc; "
            + "under: trong cây con; không tham số: các đơn vị gốc. Sắp xếp theo tên tiếng Việt.")
    List<UnitView> list(@RequestParam(required = false) String q, @RequestParam(required = false) Long parentId,
            @RequestParam(required = false) Long under, @RequestParam(defaultValue = "false") boolean includeClosed,
            @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit) {
        int max = Math.max(1, Math.min(limit, MAX_LIMIT));
        List<Unit> found;
        if (q != null && !q.isBlank()) {
            found = units.search(q, under != null ? under : parentId, includeClosed, max);
            if (parentId != null) {
                found = found.stream().filter(u -> parentId.equals(u.parentId())).toList();
            }
        } else if (parentId != null) {
            units.get(parentId);
            found = units.children(parentId);
        } else if (under != null) {
            found = units.search("", under, includeClosed, max);
        } else {
            found = units.roots();
        }
        return views(found.stream().filter(u -> includeClosed || !u.closed()).limit(max).toList());
    }

    @GetMapping("/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Một đơn vị")
    UnitView get(@PathVariable long id) {
        return view(units.get(id));
    }

    @GetMapping("/{id}/as-of")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Đơn vị vào một ngày", description = "Tên, ký hiệu, cấp trên của đơn vị tại ngày đã cho.")
    UnitVersion asOf(@PathVariable long id, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        units.get(id);
        return units.asOf(id, date).orElseThrow(() -> Problem.notFound("UNIT_NOT_YET",
                "Đơn vị chưa tồn tại vào ngày {0}.", date.format(UnitPages.DATE)));
    }

    @GetMapping("/{id}/history")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Lịch sử tên gọi, ký hiệu và cấp trên")
    List<UnitVersion> history(@PathVariable long id) {
        units.get(id);
        return units.history(id);
    }

    @GetMapping("/{id}/ancestors")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Các đơn vị cấp trên, từ gốc")
    List<UnitView> ancestors(@PathVariable long id) {
        return views(units.ancestors(id));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Tạo đơn vị")
    ResponseEntity<UnitView> create(@AuthenticationPrincipal UnitActor actor, @RequestBody CreateRequest request) {
        Unit created = management.create(actor, new NewUnit(request.parentId(), request.name(), request.shortName(),
                request.kind(), request.system(), request.code(), request.validFrom()));
        return ResponseEntity.created(URI.create("/api/v1/units/" + created.id())).body(view(created));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Đổi tên, ký hiệu, loại đơn vị", description = "Tên và ký hiệu có hiệu lực từ effectiveFrom.")
    UnitView update(@AuthenticationPrincipal UnitActor actor, @PathVariable long id,
            @RequestBody UpdateRequest request) {
        return view(management.update(actor, id, new UnitChange(request.name(), request.shortName(), request.code(),
                request.kind(), request.system(), version(request.version()), request.effectiveFrom())));
    }

    @PostMapping(path = "/{id}/move", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Chuyển đơn vị (cả cây con) sang cấp trên khác")
    UnitView move(@AuthenticationPrincipal UnitActor actor, @PathVariable long id, @RequestBody MoveRequest request) {
        if (request.parentId() == null) {
            throw Problem.badRequest("UNIT_PARENT_REQUIRED", "Cần chọn đơn vị cấp trên mới.");
        }
        return view(management.move(actor, id, request.parentId(), version(request.version()),
                request.effectiveFrom()));
    }

    @PostMapping(path = "/{id}/close", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Giải thể đơn vị")
    UnitView close(@AuthenticationPrincipal UnitActor actor, @PathVariable long id, @RequestBody CloseRequest request) {
        return view(management.close(actor, id, version(request.version()), request.closedOn()));
    }

    @PostMapping(path = "/{id}/merge", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Sáp nhập đơn vị vào đơn vị kế thừa")
    UnitView merge(@AuthenticationPrincipal UnitActor actor, @PathVariable long id, @RequestBody MergeRequest request) {
        if (request.successorId() == null) {
            throw Problem.badRequest("UNIT_SUCCESSOR_REQUIRED", "Cần chọn đơn vị kế thừa.");
        }
        return view(management.merge(actor, id, request.successorId(), version(request.version()),
                request.effectiveOn()));
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("isAuthenticated()")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Nạp đơn vị từ tệp CSV hoặc XLSX", description = "Tất cả hoặc không: nếu có dòng lỗi, không "
            + "đơn vị nào được thêm và lỗi 422 BULK_REJECTED liệt kê các dòng bị từ chối (rejectedRows).")
    ImportResult bulkImport(@AuthenticationPrincipal UnitActor actor, @RequestPart("file") MultipartFile file,
            @RequestParam(required = false) Long parentId) {
        BulkLoadResult result = management.bulkLoad(actor, file.getOriginalFilename(), bytes(file), parentId);
        return new ImportResult(result.created(), result.createdIds());
    }

    static byte[] bytes(MultipartFile file) {
        if (file.getSize() > 5L * 1024 * 1024) {
            throw Problem.unprocessable("BULK_FILE_TOO_LARGE", "Tệp quá lớn: tối đa {0}.", "5 MB");
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long version(Long version) {
        if (version == null) {
            throw Problem.badRequest("VERSION_REQUIRED",
                    "Thiếu phiên bản (version) của dữ liệu đang sửa: hãy tải lại đơn vị rồi gửi kèm phiên bản.");
        }
        return version;
    }
}
