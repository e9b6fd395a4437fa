package vn.lantoa.plan.web;

import java.net.URI;
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
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import vn.lantoa.account.CurrentUser;
import vn.lantoa.event.PlanTimesView;
import vn.lantoa.organization.Units;
import vn.lantoa.plan.AssignmentMatch;
import vn.lantoa.plan.PlanFinding;
import vn.lantoa.plan.PlanInput;
import vn.lantoa.plan.PlanManagement;
import vn.lantoa.plan.PlanStatus;
import vn.lantoa.plan.PlanVersion;
import vn.lantoa.plan.PlanSummary;
import vn.lantoa.plan.StoredPlan;
import vn.lantoa.planformat.PlanJson;
import vn.lantoa.shared.IfMatch;
import vn.lantoa.shared.Problem;

/**
 * Plans over HTTP. A request body is a {@code lantoa.plan/1} document, optionally with the members
 * {@code classification} and {@code version} beside the format's own ({@link PlanInput}). An answer is an envelope:
 * {@code {"id", "status", "version", "revision", "classification", "issuerUnitId", "createdAt", "updatedAt",
 * "plan": {…lantoa.plan/1…}}}, with the version also as the {@code ETag}. Who may do what: see the module's
 * package-info (404 when the plan may not be known, 403 when it may not be written).
 */
@RestController
@RequestMapping(path = "/api/v1/plans", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Kế hoạch", description = "Kế hoạch tuyên truyền dạng lantoa.plan/1: lập dự thảo, sửa, ban hành, xem")
class PlanApi {

    static final int DEFAULT_LIMIT = 50;

    private static final String ENVELOPE = "Trả về {\"id\", \"status\" (DRAFT, ISSUED, CLOSED), \"version\" (phiên "
            + "bản để gửi lại khi sửa; cũng là ETag), \"revision\", \"classification\" (PUBLIC, INTERNAL), "
            + "\"issuerUnitId\", \"createdAt\", \"updatedAt\", \"plan\": {kế hoạch lantoa.plan/1}}.";
    private static final String BODY = " Thân yêu cầu: kế hoạch lantoa.plan/1, có thể thêm \"classification\" "
            + "(PUBLIC hoặc INTERNAL, mặc định INTERNAL) và \"version\". Trường khác (id, status, issuerUnitId …) bị "
            + "từ chối: 400 VALIDATION với con trỏ JSON (errors[].pointer); kế hoạch sai kiểu, giai đoạn kết thúc "
            + "trước khi bắt đầu, thời hạn trước ngày ban hành cũng vậy. Không lưu gì khi bị từ chối.";

    private final PlanManagement management;
    private final JsonMapper json;
    private final Units units;

    PlanApi(PlanManagement management, JsonMapper json, Units units) {
        this.management = management;
        this.json = json;
        this.units = units;
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Danh sách kế hoạch", description = "Chỉ các kế hoạch người dùng được xem: do đơn vị mình "
            + "hoặc đơn vị cấp dưới ban hành (cả dự thảo), do đơn vị cấp trên ban hành (đã ban hành). status: lọc "
            + "theo trạng thái; q: tìm không dấu theo số ký hiệu và trích yếu; issuer: mã đơn vị ban hành; event: "
            + "tên sự kiện (không dấu, một phần); phase: tên giai đoạn (không dấu, một phần, cả giai đoạn con). Mới "
            + "nhất trước. Quản trị hệ thống không xem nội dung kế hoạch: danh sách rỗng.")
    List<PlanSummary> list(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) PlanStatus status, @RequestParam(required = false) String q,
            @RequestParam(required = false) Long issuer, @RequestParam(required = false) String event,
            @RequestParam(required = false) String phase,
            @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit) {
        return management.list(user, status, q, issuer, event, phase, limit);
    }

    @GetMapping("/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Một kế hoạch", description = ENVELOPE + " Kèm thời gian đã tính (như GET "
            + "/api/v1/plans/{id}/times): \"reading\" (STRICT: \"trước ngày X\" là hết ngày hôm trước; INCLUSIVE: "
            + "đến hết ngày X), \"times\" (mỗi mốc giai đoạn, hạn nhiệm vụ, hạn báo cáo theo JSON pointer: ngày, căn "
            + "cứ pháp lý đã áp dụng, hoặc đang chờ sự kiện nào), \"events\" (ngày của các sự kiện). 404 "
            + "PLAN_NOT_FOUND nếu không có hoặc người dùng không được xem (như nhau).")
    ResponseEntity<String> get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        StoredPlan plan = management.get(user, id);
        ObjectNode body = envelope(plan);
        PlanTimesView times = PlanTimesView.of(management.times(user, id));
        body.put("reading", times.reading().name());
        body.set("times", json.valueToTree(times.times()));
        body.set("events", json.valueToTree(times.events()));
        return ResponseEntity.ok().eTag(String.valueOf(plan.version())).contentType(MediaType.APPLICATION_JSON)
                .body(json.writeValueAsString(body));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Lập dự thảo kế hoạch", description = "Đơn vị ban hành là đơn vị của người dùng (cán bộ "
            + "hoặc quản trị đơn vị), không lấy từ thân yêu cầu. 201 với Location." + BODY)
    ResponseEntity<String> create(@AuthenticationPrincipal CurrentUser user, @RequestBody String body) {
        StoredPlan created = management.create(user, PlanInput.parse(body));
        return answer(ResponseEntity.created(URI.create("/api/v1/plans/" + created.id())), created);
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Sửa dự thảo", description = "Cần phiên bản đang sửa: tiêu đề If-Match hoặc trường "
            + "version. Phiên bản cũ (người khác đã lưu trước): 409 STALE_VERSION, không ghi đè. Kế hoạch đã ban "
            + "hành: 409 PLAN_NOT_DRAFT." + BODY)
    ResponseEntity<String> save(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, @RequestBody String body) {
        return answer(ResponseEntity.ok(), management.save(user, id, PlanInput.parse(body), IfMatch.version(ifMatch)));
    }

    @PostMapping("/{id}/issue")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Ban hành kế hoạch", description = "Cần số, số ký hiệu, ngày ban hành, cơ quan ban hành, "
            + "trích yếu, người ký và ít nhất một đơn vị được giao: nếu thiếu, 422 PLAN_INCOMPLETE với danh sách "
            + "missing[].pointer. Đã ban hành: 409 PLAN_ALREADY_ISSUED. Trùng số ký hiệu với kế hoạch đã ban hành "
            + "của đơn vị: 409 PLAN_DUPLICATE_SYMBOL. If-Match (không bắt buộc): phiên bản đã xem.")
    ResponseEntity<String> issue(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return answer(ResponseEntity.ok(), management.issue(user, id, IfMatch.version(ifMatch)));
    }

    @PostMapping(path = "/{id}/amendments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Sửa đổi kế hoạch đã ban hành", description = "Thân: toàn bộ kế hoạch mới (như PUT) với "
            + "phiên bản đang xem (If-Match hoặc trường version); tham số note: lý do sửa đổi. Tạo phiên bản "
            + "(revision) mới, các phiên bản cũ giữ nguyên để xem lịch sử; kiểm tra như khi ban hành. Dự thảo hoặc "
            + "kế hoạch đã kết thúc: 409 PLAN_NOT_ISSUED." + BODY)
    ResponseEntity<String> amend(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestParam(name = "note", required = false) String note, @RequestBody String body) {
        return answer(ResponseEntity.ok(), management.amend(user, id, PlanInput.parse(body), note, IfMatch.version(ifMatch)));
    }

    @PostMapping("/{id}/close")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Kết thúc kế hoạch", description = "Kế hoạch đã ban hành chuyển sang CLOSED: vẫn xem được, "
            + "không sửa đổi nữa. If-Match (không bắt buộc): phiên bản đã xem. Không phải kế hoạch đã ban hành: 409 "
            + "PLAN_NOT_ISSUED.")
    ResponseEntity<String> close(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return answer(ResponseEntity.ok(), management.close(user, id, IfMatch.version(ifMatch)));
    }

    @GetMapping("/{id}/history")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Lịch sử sửa đổi", description = "Mọi phiên bản (revision) của kế hoạch: ai lưu, lúc nào, "
            + "lý do, và các trường đã thay đổi so với phiên bản trước (pointer, where, before, after).")
    ResponseEntity<String> history(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        tools.jackson.databind.node.ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (PlanVersion v : management.history(user, id)) {
            ObjectNode n = out.addObject();
            n.put("revision", v.revision());
            n.put("savedBy", v.savedBy());
            n.put("savedByName", v.savedByName());
            n.put("savedAt", v.savedAt() == null ? null : v.savedAt().toString());
            n.put("note", v.note());
            tools.jackson.databind.node.ArrayNode changes = n.putArray("changes");
            for (PlanVersion.Change c : v.changes()) {
                ObjectNode cn = changes.addObject();
                cn.put("pointer", c.pointer());
                cn.put("where", c.label());
                cn.put("before", c.before());
                cn.put("after", c.after());
            }
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsString(out));
    }

    @GetMapping("/{id}/checks")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Kiểm tra kế hoạch", description = "Mọi phát hiện của các kiểm tra (PlanCheck) trên kế "
            + "hoạch như đang lưu: code, severity (BLOCKING chặn ban hành, WARNING cảnh báo), pointer (JSON pointer "
            + "vào kế hoạch), where (vị trí theo cách người đọc nói), detail (sai gì), fix (sửa thế nào). Phát hiện "
            + "chặn đứng trước.")
    ResponseEntity<String> checks(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        List<PlanFinding> findings = management.check(user, id);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("planId", id);
        out.put("blocking", findings.stream().filter(PlanFinding::blocking).count());
        out.put("warnings", findings.stream().filter(f -> !f.blocking()).count());
        tools.jackson.databind.node.ArrayNode list = out.putArray("findings");
        for (PlanFinding f : findings) {
            list.add(json.valueToTree(f.members()));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsString(out));
    }

    @GetMapping("/{id}/assignments")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Đơn vị được giao đã đối chiếu", description = "Mỗi mục Tổ chức thực hiện (index theo "
            + "thứ tự trong assignments) với đơn vị đã đối chiếu trong cây tổ chức: state MATCHED (một đơn vị), "
            + "GROUP (tên nhóm như \"UBND các xã, phường\": các đơn vị thuộc nhóm), AMBIGUOUS (nhiều đơn vị khớp "
            + "như nhau), UNMATCHED (không khớp); confirmed: người dùng đã chọn; units: đơn vị được giao; "
            + "candidates: đơn vị gợi ý để chọn. Không tự đoán: mục AMBIGUOUS/UNMATCHED chờ người chọn.")
    ResponseEntity<String> assignments(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return matches(management.assignments(user, id));
    }

    @PutMapping(path = "/{id}/assignments/{index}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Chọn đơn vị cho một mục giao nhiệm vụ", description = "Thân: {\"unitIds\": [..], "
            + "\"version\": n} (hoặc If-Match). Danh sách rỗng: mục này không phải đơn vị trong hệ thống. Chỉ trên "
            + "dự thảo, bởi đơn vị ban hành; phiên bản kế hoạch tăng 1.")
    ResponseEntity<String> confirm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @PathVariable int index, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody UnitChoice body) {
        Long version = IfMatch.version(ifMatch);
        if (version == null) {
            version = body.version();
        }
        return matches(management.confirmUnits(user, id, index, body.unitIds(), version));
    }

    /** A person's choice of units for one assignment heading. */
    record UnitChoice(List<Long> unitIds, Long version) {
    }

    private ResponseEntity<String> matches(List<AssignmentMatch> matches) {
        tools.jackson.databind.node.ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (AssignmentMatch m : matches) {
            ObjectNode node = out.addObject();
            node.put("index", m.index());
            node.put("heading", m.heading());
            node.put("role", m.role() == null ? null : m.role().json());
            node.put("state", m.state().name());
            node.put("confirmed", m.confirmed());
            node.put("resolved", m.resolved());
            node.set("units", unitList(m.unitIds()));
            node.set("candidates", unitList(m.candidates()));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsString(out));
    }

    private tools.jackson.databind.node.ArrayNode unitList(List<Long> ids) {
        tools.jackson.databind.node.ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (long unitId : ids) {
            units.byId(unitId).ifPresent(u -> {
                ObjectNode n = list.addObject();
                n.put("id", u.id());
                n.put("name", u.name());
                n.put("shortName", u.shortName());
            });
        }
        return list;
    }

    private ResponseEntity<String> answer(ResponseEntity.BodyBuilder response, StoredPlan plan) {
        return response.eTag(String.valueOf(plan.version())).contentType(MediaType.APPLICATION_JSON)
                .body(json.writeValueAsString(envelope(plan)));
    }

    static ObjectNode envelope(StoredPlan plan) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", plan.id());
        node.put("status", plan.status().name());
        node.put("version", plan.version());
        node.put("revision", plan.revision());
        node.put("classification", plan.classification().name());
        node.put("issuerUnitId", plan.issuerUnitId());
        node.put("createdAt", plan.createdAt().toString());
        node.put("updatedAt", plan.updatedAt().toString());
        node.set("plan", PlanJson.toTree(plan.plan()));
        return node;
    }

}
