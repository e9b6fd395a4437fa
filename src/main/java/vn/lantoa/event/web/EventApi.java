package vn.lantoa.event.web;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.lantoa.account.CurrentUser;
import vn.lantoa.event.EventInput;
import vn.lantoa.event.EventKind;
import vn.lantoa.event.EventManagement;
import vn.lantoa.event.EventRecord;
import vn.lantoa.shared.IfMatch;
import vn.lantoa.shared.Problem;

/** Events over HTTP: list, read, record, change (version-checked). Who may do what: the module's package-info. */
@RestController
@RequestMapping(path = "/api/v1/events", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Sự kiện", description = "Đại hội, ngày kỷ niệm: ngày của chúng quyết định thời gian các giai đoạn")
class EventApi {

    private final EventManagement management;
    private final Clock clock;

    EventApi(EventManagement management, Clock clock) {
        this.management = management;
        this.clock = clock;
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Danh sách sự kiện", description = "Sự kiện toàn quốc, của đơn vị mình và các đơn vị cấp "
            + "trên; subtree=true: cả của đơn vị cấp dưới. q: tìm không dấu; kind: CONGRESS, ANNIVERSARY, OTHER; year: "
            + "năm tính ngày kỷ niệm (mặc định năm nay).")
    List<EventView> list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String q,
            @RequestParam(required = false) EventKind kind, @RequestParam(defaultValue = "false") boolean subtree,
            @RequestParam(required = false) Integer year, @RequestParam(defaultValue = "100") int limit) {
        int y = year(year);
        return management.list(user, subtree, kind, q, limit).stream().map(e -> EventView.of(e, y)).toList();
    }

    @GetMapping("/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Một sự kiện", description = "404 EVENT_NOT_FOUND nếu không có hoặc không được xem.")
    ResponseEntity<EventView> get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) Integer year) {
        return answer(ResponseEntity.ok(), management.get(user, id), year(year));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Ghi nhận sự kiện", description = "{\"name\", \"kind\", \"start\", \"end\" (có thể null), "
            + "\"baseDate\" (ngày kỷ niệm), \"level\", \"ordinal\" (đọc từ tên nếu bỏ trống), \"ownerUnitId\" (mặc "
            + "định đơn vị mình; quản trị hệ thống: bất kỳ, hoặc \"national\": true)}. 201 với Location.")
    ResponseEntity<EventView> create(@AuthenticationPrincipal CurrentUser user, @RequestBody EventInput input) {
        EventRecord created = management.create(user, input);
        return answer(ResponseEntity.created(URI.create("/api/v1/events/" + created.id())), created, year(null));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Sửa sự kiện, đặt ngày", description = "Thay toàn bộ: tên, loại, ngày bắt đầu, kết thúc. Cần "
            + "phiên bản (If-Match hoặc version); phiên bản cũ: 409 STALE_VERSION. Đổi ngày: mọi thời gian gắn với "
            + "sự kiện đổi theo ngay.")
    ResponseEntity<EventView> update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody EventInput input) {
        return answer(ResponseEntity.ok(), management.update(user, id, input, IfMatch.version(ifMatch)), year(null));
    }

    private int year(Integer year) {
        return year != null ? year : LocalDate.now(clock.withZone(ZoneId.of("Asia/Ho_Chi_Minh"))).getYear();
    }

    private static ResponseEntity<EventView> answer(ResponseEntity.BodyBuilder response, EventRecord event, int year) {
        return response.eTag(String.valueOf(event.version())).body(EventView.of(event, year));
    }
}
