package vn.lantoa.activity;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.lantoa.account.CurrentUser;
import vn.lantoa.audit.AuditEvent;
import vn.lantoa.audit.AuditLog;
import vn.lantoa.audit.AuditOutcome;
import vn.lantoa.calendar.Deadline;
import vn.lantoa.organization.Unit;
import vn.lantoa.organization.Units;
import vn.lantoa.plan.StoredPlan;
import vn.lantoa.planformat.Assignment;
import vn.lantoa.planformat.ChannelKind;
import vn.lantoa.planformat.Phase;
import vn.lantoa.planformat.Task;
import vn.lantoa.shared.Problem;
import vn.lantoa.shared.VietnameseText;

/**
 * Nhập nhiều hoạt động: the XLSX template of a plan ({@link ActivityWorkbook}) and the recording of a filled one.
 *
 * <p>All or nothing: every row is checked first (the file's own checks, then the same checks and the same recording
 * path as a single activity, {@link ActivityManagement#record}, inside one transaction); one wrong row and nothing is
 * saved, and the answer (422 {@code ACTIVITY_BULK_ROWS_INVALID}) names every wrong row, its column and what is wrong,
 * in Vietnamese. The live totals move exactly as for single activities (the same event in the same transaction).
 *
 * <p>The same file (by SHA-256) accepted before for the same unit and plan is not recorded twice silently: 409
 * {@code ACTIVITY_BULK_DUPLICATE} says when it was loaded, and only a request that says it means it ({@code again})
 * records it once more.
 */
@Service
public class BulkActivities {

    /** The largest file accepted (a template of 1,000 rows is far smaller). */
    public static final int MAX_BYTES = ActivityWorkbook.MAX_BYTES;

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final java.time.format.DateTimeFormatter AT = java.time.format.DateTimeFormatter
            .ofPattern("HH:mm dd/MM/yyyy").withZone(Deadline.VIETNAM);

    private final ActivityManagement activities;
    private final Indicators indicators;
    private final Units units;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final MessageSource messages;
    private final java.time.Clock clock;
    private final TransactionTemplate transaction;

    BulkActivities(ActivityManagement activities, Indicators indicators, Units units, JdbcClient jdbc, AuditLog audit,
            MessageSource messages, java.time.Clock clock, PlatformTransactionManager transactions) {
        this.activities = activities;
        this.indicators = indicators;
        this.units = units;
        this.jdbc = jdbc;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The result of a recorded file. */
    public record Result(int recorded, List<Long> activityIds, String sha256, int copy) {
    }

    /** A wrong row: its number as the spreadsheet shows it, the column's header, what is wrong. */
    public record RowError(int row, String column, String detail) {
    }

    /** The template of a plan the user may record for (404, 403, 409 otherwise, as for one activity). */
    public byte[] template(CurrentUser user, long planId) {
        StoredPlan plan = activities.recordablePlan(user, planId);
        List<String> phases = new ArrayList<>();
        flatten(plan.plan().phases(), phases);
        List<String> tasks = new ArrayList<>();
        for (Assignment a : plan.plan().assignments()) {
            for (Task t : a.tasks()) {
                String text = t.text() == null ? "" : t.text().strip();
                if (!text.isEmpty() && !tasks.contains(text) && tasks.size() < 300) {
                    tasks.add(text.length() > 1000 ? text.substring(0, 1000) : text);
                }
            }
        }
        var doc = plan.plan().document();
        String name = doc == null ? "Kế hoạch " + plan.id()
                : (doc.symbol() == null ? "" : doc.symbol() + " — ") + (doc.title() == null ? "" : doc.title());
        return ActivityWorkbook.template(plan.id(), name, phases, tasks,
                indicators.all().stream().filter(Indicator::active).toList(), this::channelName);
    }

    /**
     * Records every row of a filled template for the user's unit, or nothing.
     *
     * @param again record it even though the same file was recorded before (after the user was asked)
     */
    public Result upload(CurrentUser user, long planId, String filename, byte[] content, boolean again) {
        StoredPlan plan = activities.recordablePlan(user, planId);
        Unit unit = units.get(user.unitId());
        if (unit.closed()) {
            throw Problem.conflict("ACTIVITY_UNIT_CLOSED",
                    "Đơn vị \"{0}\" đã giải thể hoặc sáp nhập, không ghi nhận hoạt động mới.", unit.name());
        }
        String sha = sha256(content == null ? new byte[0] : content);
        ActivityWorkbook.Content read;
        try {
            read = ActivityWorkbook.read(content, plan.id(), this::channelOf,
                    code -> indicators.byCode(code).filter(Indicator::active).orElse(null));
        } catch (Problem p) {
            throw rejected(p, sha);
        }
        if (!read.errors().isEmpty()) {
            throw rejected(rowsInvalid(read.errors().stream()
                    .map(e -> new RowError(e.row(), e.column(), e.detail())).toList()), sha);
        }
        int copies = copies(unit.id(), plan.id(), sha);
        if (copies > 0 && !again) {
            throw duplicate(unit.id(), plan.id(), sha, copies);
        }
        List<RowError> errors = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        boolean[] raced = {false};
        transaction.executeWithoutResult(status -> {
            for (ActivityWorkbook.Read row : read.rows()) {
                try {
                    ids.add(activities.record(user, row.activity(), List.of()).id());
                } catch (Problem p) {
                    errors.addAll(rowErrors(row.row(), p, read.columns()));
                }
            }
            if (!errors.isEmpty()) {
                status.setRollbackOnly();
                return;
            }
            try {
                jdbc.sql("insert into activity_bulk_upload (plan_id, unit_id, sha256, copy_number, file_name, "
                        + "row_count, created_by, created_at) values (:plan, :unit, :sha, :copy, :name, :rows, :user, "
                        + ":now)").param("plan", plan.id()).param("unit", unit.id()).param("sha", sha)
                        .param("copy", copies).param("name", EvidenceFiles.displayName(filename))
                        .param("rows", ids.size()).param("user", user.id())
                        .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).update();
            } catch (DuplicateKeyException e) {
                // the same file at the same moment: the other request records it
                status.setRollbackOnly();
                raced[0] = true;
                return;
            }
            audit.record(AuditEvent.of("ACTIVITY_BULK_RECORDED", AuditOutcome.OK).object("plan", plan.id())
                    .details("rows=" + ids.size() + " sha256=" + sha + " copy=" + copies));
        });
        if (raced[0]) {
            throw duplicate(unit.id(), plan.id(), sha, copies + 1);
        }
        if (!errors.isEmpty()) {
            throw rejected(rowsInvalid(errors), sha);
        }
        return new Result(ids.size(), ids, sha, copies);
    }

    // ---------------------------------------------------------------------------------------------------- internals

    private int copies(long unitId, long planId, String sha) {
        return jdbc.sql("select count(*) from activity_bulk_upload where unit_id = :unit and plan_id = :plan and "
                + "sha256 = :sha").param("unit", unitId).param("plan", planId).param("sha", sha).query(Integer.class)
                .single();
    }

    private Problem duplicate(long unitId, long planId, String sha, int copies) {
        Optional<Map<String, Object>> last = jdbc.sql("select created_at, row_count from activity_bulk_upload where "
                + "unit_id = :unit and plan_id = :plan and sha256 = :sha order by copy_number desc limit 1")
                .param("unit", unitId).param("plan", planId).param("sha", sha).query().listOfRows().stream()
                .findFirst();
        String at = last.map(r -> AT.format(toInstant(r.get("created_at")))).orElse("");
        Object rows = last.map(r -> r.get("row_count")).orElse(0);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("sha256", sha);
        properties.put("uploadedAt", at);
        properties.put("rows", rows);
        properties.put("copies", copies);
        return new Problem(409, "ACTIVITY_BULK_DUPLICATE", "Tệp này đã được tải lên lúc {0} ({1} hoạt động). Nếu "
                + "đúng là muốn ghi nhận thêm một lần nữa, hãy chọn \"Vẫn ghi nhận lại\" rồi gửi lại tệp.",
                properties, at, rows);
    }

    private static Instant toInstant(Object value) {
        if (value instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        return Instant.parse(String.valueOf(value));
    }

    /** The field errors of a refused row (the single-activity checks) under the file's column headers. */
    private static List<RowError> rowErrors(int row, Problem p, Map<String, String> columns) {
        List<RowError> list = new ArrayList<>();
        Object errors = p.properties().get("errors");
        if (errors instanceof Map<?, ?> map && !map.isEmpty()) {
            map.forEach((field, detail) -> list.add(new RowError(row, columns.getOrDefault(String.valueOf(field),
                    String.valueOf(field)), String.valueOf(detail))));
        } else {
            list.add(new RowError(row, "", p.defaultMessage()));
        }
        return list;
    }

    static Problem rowsInvalid(List<RowError> errors) {
        List<RowError> sorted = errors.stream().sorted(Comparator.comparingInt(RowError::row)).toList();
        List<Map<String, Object>> list = new ArrayList<>();
        StringBuilder first = new StringBuilder();
        for (RowError e : sorted) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("row", e.row());
            m.put("column", e.column());
            m.put("detail", e.detail());
            list.add(m);
            if (list.size() <= 5) {
                first.append(first.length() == 0 ? "" : "; ").append("Dòng ").append(e.row())
                        .append(e.column().isEmpty() ? "" : ", cột \"" + e.column() + "\"").append(": ")
                        .append(e.detail());
            }
        }
        long rows = sorted.stream().mapToInt(RowError::row).distinct().count();
        return new Problem(422, "ACTIVITY_BULK_ROWS_INVALID", "Tệp có {0} dòng sai, chưa ghi nhận hoạt động nào. Hãy "
                + "sửa rồi tải lên lại. {1}", Map.of("errors", list), rows, first + (sorted.size() > 5 ? "; …" : first.toString().endsWith(".") ? "" : "."));
    }

    private Problem rejected(Problem p, String sha) {
        audit.record(AuditEvent.of("UPLOAD_REJECTED", AuditOutcome.FAILED).object("activity-file", null)
                .details("code=" + p.code() + " sha256=" + sha));
        return p;
    }

    private String channelName(ChannelKind kind) {
        return messages.getMessage("activity.channel." + kind.json(), null, kind.json(), VIETNAMESE);
    }

    private ChannelKind channelOf(String text) {
        String folded = VietnameseText.fold(text.strip());
        for (ChannelKind k : ChannelKind.values()) {
            if (VietnameseText.fold(channelName(k)).equals(folded) || k.json().equals(text.strip())) {
                return k;
            }
        }
        return null;
    }

    private static void flatten(List<Phase> phases, List<String> into) {
        if (phases == null) {
            return;
        }
        for (Phase p : phases) {
            if (p.label() != null && !p.label().isBlank() && !into.contains(p.label().strip())) {
                into.add(p.label().strip());
            }
            flatten(p.phases(), into);
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
