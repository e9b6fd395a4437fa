package vn.lantoa.activity;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import jakarta.annotation.PreDestroy;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.lantoa.account.CurrentUser;
import vn.lantoa.account.Role;
import vn.lantoa.audit.AuditEvent;
import vn.lantoa.audit.AuditLog;
import vn.lantoa.audit.AuditOutcome;
import vn.lantoa.organization.Unit;
import vn.lantoa.organization.Units;
import vn.lantoa.plan.PlanManagement;
import vn.lantoa.plan.PlanStatus;
import vn.lantoa.plan.StoredPlan;
import vn.lantoa.planformat.ChannelKind;
import vn.lantoa.shared.Problem;
import vn.lantoa.shared.VietnameseText;

/**
 * Recording and reading activities for the acting user (the rules are in {@code package-info.java}).
 *
 * <p>Recording is all or nothing: the uploads are staged and inspected before anything is written; a refused file
 * leaves no row and no file (its staged copy is deleted) and writes one {@code UPLOAD_REJECTED} audit entry with its
 * SHA-256 only. The accepted files are kept in the evidence storage just before the rows commit; should the
 * transaction roll back, the bytes it stored and no row refers to are removed again.
 */
@Service
public class ActivityManagement {

    /** At most this much per file (B-EV-09: a 21 MB photo is refused). */
    public static final long MAX_FILE_BYTES = 20L * 1024 * 1024;
    /** At most this much per activity, all files together. */
    public static final long MAX_ACTIVITY_BYTES = 100L * 1024 * 1024;
    /** At most this many files and this many links per activity. */
    public static final int MAX_FILES = 10;
    public static final int MAX_LINKS = 10;
    /** At most this many activities in one list. */
    public static final int MAX_LIST = 500;
    /**
     * Writer threads, and the most recordings of one group commit. The setting {@code lantoa.recording.group-writers};
     * 0 (the default) chooses by the database, from what was measured on 2 cores (docs/benchmarks.md, W7 session 8):
     * <ul>
     * <li>a database server (PostgreSQL): one writer. Its groups are the biggest (~10 recordings), so the fewest
     * transactions, statements and commits per recording: 2,000 recordings/s, where two writers made 1,575/s and four
     * 1,058/s. A database on cores of its own may want more while a group waits for its WAL flush.</li>
     * <li>a database in the process (H2): one writer per core, at most {@value #MAX_IN_PROCESS_WRITERS}. There the
     * database's work runs on the writer threads themselves, and one writer holds it to one core: 1,954/s with one
     * writer, 3,149/s with two.</li>
     * </ul>
     */
    static final int GROUP_WRITERS_AUTO = 0;
    static final int MAX_IN_PROCESS_WRITERS = 4;
    static final int GROUP_SIZE = 32;
    /** Control characters but line feeds and tabs, and format characters: removed from texts. */
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]|\\p{Cf}");

    private final Activities activities;
    private final Indicators indicators;
    private final EvidenceStorage storage;
    private final PlanManagement plans;
    private final Units units;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transaction;
    /** Recordings without files are committed in groups (see {@link GroupCommit}). */
    private final GroupCommit groups;
    /** Off only in the recording benchmark ("one transaction per recording" baseline, set by a test helper). */
    volatile boolean grouped = true;
    /** Plans seen issued or closed: plan id → issuing unit id (see {@link #recordablePlanId}). */
    private final Map<Long, Long> recordableIssuers = new ConcurrentHashMap<>();

    ActivityManagement(Activities activities, Indicators indicators, EvidenceStorage storage, PlanManagement plans,
            Units units, AuditLog audit, ApplicationEventPublisher events, Clock clock,
            PlatformTransactionManager transactions, Database database,
            @Value("${lantoa.recording.group-writers:" + GROUP_WRITERS_AUTO + "}") int groupWriters) {
        this.activities = activities;
        this.indicators = indicators;
        this.storage = storage;
        this.plans = plans;
        this.units = units;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        int writers = groupWriters > 0 ? groupWriters : database.postgres() ? 1
                : Math.min(MAX_IN_PROCESS_WRITERS, Runtime.getRuntime().availableProcessors());
        this.groups = new GroupCommit(transactions, "lantoa-recording", writers, GROUP_SIZE);
    }

    @PreDestroy
    void stop() {
        groups.close();
    }

    /** A file sent with an activity: its name as the client gave it, and its bytes. */
    public interface Upload {
        String filename();

        InputStream open() throws IOException;
    }

    /** Records an activity of the user's unit for a plan, with its evidence files and links. */
    public Activity record(CurrentUser user, NewActivity input, List<? extends Upload> uploads) {
        long planId = recordablePlanId(user, input.planId());
        List<String> links = links(input.links());
        Activities.Clean valid = validate(input, 0);
        List<? extends Upload> files = uploads == null ? List.of() : uploads.stream().filter(u -> u != null).toList();
        if (files.size() > MAX_FILES) {
            throw Problem.badRequest("EVIDENCE_TOO_MANY", "Mỗi hoạt động có tối đa {0} tệp minh chứng.", MAX_FILES);
        }
        List<Staged> staged = new ArrayList<>();
        try {
            long total = 0;
            for (Upload upload : files) {
                Staged s = stage(upload);
                staged.add(s);
                total += s.staged.size();
                if (total > MAX_ACTIVITY_BYTES) {
                    throw rejected(s, new Problem(413, "ACTIVITY_QUOTA",
                            "Tổng dung lượng minh chứng của một hoạt động tối đa {0} MB.", MAX_ACTIVITY_BYTES >> 20));
                }
            }
            Activities.Clean clean = valid.withBytes(total);
            if (staged.isEmpty() && grouped) {
                // rows only, safe to write again should its group roll back: committed with the others waiting
                return groups.execute(user.unitId(), () -> write(user, planId, clean, staged, links));
            }
            // files are kept in the storage just before the rows commit: such a recording commits alone
            return transaction.execute(status -> write(user, planId, clean, staged, links));
        } finally {
            staged.forEach(s -> {
                storage.discard(s.staged);
                if (s.thumbnail != null) {
                    storage.discard(s.thumbnail);
                }
            });
        }
    }

    /** An activity the user may see (404 {@code ACTIVITY_NOT_FOUND} otherwise, exactly as for none). */
    public Activity get(CurrentUser user, long id) {
        return activities.byId(id).filter(a -> mayRead(user, a)).orElseThrow(ActivityManagement::notFound);
    }

    /**
     * An evidence row the user may see, with its activity; 404 {@code EVIDENCE_NOT_FOUND} otherwise.
     */
    public Map.Entry<Activity, Evidence> evidence(CurrentUser user, long evidenceId) {
        Map.Entry<Long, Evidence> found = activities.evidence(evidenceId)
                .orElseThrow(ActivityManagement::evidenceNotFound);
        Activity activity = activities.byId(found.getKey()).filter(a -> mayRead(user, a))
                .orElseThrow(ActivityManagement::evidenceNotFound);
        return Map.entry(activity, found.getValue());
    }

    /** The stored bytes of a file (or of its thumbnail). */
    public InputStream open(String sha256) throws IOException {
        return storage.open(sha256);
    }

    /**
     * The activities the user may see: of their unit's subtree (or of a unit in it), for a plan or all, newest first.
     * A unit outside the subtree gives an empty list, like one without activities.
     */
    public List<Activity> list(CurrentUser user, Long planId, Long unitId, LocalDate from, LocalDate to, int limit) {
        if (user.isSystemAdministrator()) {
            return List.of();
        }
        String path = user.unitPath();
        if (unitId != null) {
            Optional<Unit> unit = units.byId(unitId);
            if (unit.isEmpty() || !user.isInSubtree(unit.get())) {
                return List.of();
            }
            path = unit.get().path();
        }
        return activities.inSubtree(path, planId, from, to, Math.min(Math.max(1, limit), MAX_LIST));
    }

    /** The plans the user may record for now: issued, visible, issued by the own unit or above it. */
    public List<vn.lantoa.plan.PlanSummary> recordablePlans(CurrentUser user) {
        if (!mayWrite(user)) {
            return List.of();
        }
        return plans.list(user, PlanStatus.ISSUED, null, PlanManagement.MAX_LIST).stream()
                .filter(p -> concerns(user, p.issuerUnitId())).toList();
    }

    /** Whether the user's role records activities at all. */
    public static boolean mayWrite(CurrentUser user) {
        return user.role() == Role.OFFICER || user.role() == Role.UNIT_ADMIN;
    }

    // -------------------------------------------------------------------------------------------------- internals

    /** The plan the user may record activities for: 404, 403 or 409 (a draft) otherwise, as for recording one. */
    public StoredPlan recordablePlan(CurrentUser user, Long planId) {
        if (planId == null) {
            throw Problem.badRequest("ACTIVITY_INVALID", "Hãy chọn kế hoạch mà hoạt động thực hiện.");
        }
        StoredPlan plan = plans.get(user, planId); // 404 PLAN_NOT_FOUND when the user may not see it
        if (!mayWrite(user) || !concerns(user, plan.issuerUnitId())) {
            throw Problem.forbidden("FORBIDDEN", "Bạn không có quyền thực hiện thao tác này.");
        }
        if (plan.status() == PlanStatus.DRAFT) {
            throw Problem.conflict("ACTIVITY_PLAN_NOT_ISSUED", "Kế hoạch chưa ban hành, chưa ghi nhận hoạt động được.");
        }
        return plan;
    }

    /**
     * The plan a recording is for, checked as {@link #recordablePlan} does. A plan once issued never returns to draft
     * and never changes its issuer (plans are not deleted), so the issuer of a plan seen issued (or closed) is kept,
     * and a user who may record for it is let through without loading the plan's document again; any other case
     * (a plan not seen yet, a draft, a refusal) takes the full check, with its answers (404, 403, 409).
     */
    private long recordablePlanId(CurrentUser user, Long planId) {
        if (planId != null) {
            Long issuer = recordableIssuers.get(planId);
            if (issuer != null && mayWrite(user) && inChain(user, issuer)) {
                return planId;
            }
        }
        StoredPlan plan = recordablePlan(user, planId);
        if (recordableIssuers.size() > 10_000) {
            recordableIssuers.clear();
        }
        recordableIssuers.put(plan.id(), plan.issuerUnitId());
        return plan.id();
    }

    /**
     * Whether the unit is the user's or an ancestor of it, read from the user's path (a path is the chain of unit
     * ids from the root, loaded with the user for this request): the same answer as {@link #concerns} without loading
     * the unit.
     */
    private static boolean inChain(CurrentUser user, long unitId) {
        return user.unitId() == unitId || user.unitPath().contains("/" + unitId + "/");
    }

    /** Whether the plan concerns the user's unit: issued by it, or above it (the unit is in the issuer's subtree). */
    private boolean concerns(CurrentUser user, long issuerUnitId) {
        if (user.unitId() == issuerUnitId) {
            return true;
        }
        Unit issuer = units.byId(issuerUnitId).orElse(null);
        return issuer != null && user.unitPath().startsWith(issuer.path());
    }

    private boolean mayRead(CurrentUser user, Activity activity) {
        return !user.isSystemAdministrator() && user.isInSubtree(activity.unitPath());
    }

    private Activities.Clean validate(NewActivity in, long bytes) {
        Map<String, String> errors = new LinkedHashMap<>();
        String title = text(in.title(), 500);
        if (title == null) {
            errors.put("title", "Hãy nhập tên hoạt động.");
        }
        ChannelKind channel = ChannelKind.fromJson(in.channel() == null ? null : in.channel().strip());
        if (channel == null) {
            errors.put("channel", "Hãy chọn hình thức tuyên truyền.");
        }
        LocalDate starts = in.startsOn();
        LocalDate ends = in.endsOn() == null ? starts : in.endsOn();
        if (starts == null) {
            errors.put("startsOn", "Hãy nhập ngày thực hiện (dd/MM/yyyy).");
        } else if (ends.isBefore(starts)) {
            errors.put("endsOn", "Ngày kết thúc phải sau ngày bắt đầu.");
        } else if (starts.isAfter(LocalDate.now(clock.withZone(vn.lantoa.calendar.Deadline.VIETNAM)).plusDays(1))) {
            errors.put("startsOn", "Hoạt động đã thực hiện không thể ở ngày tương lai.");
        } else if (starts.getYear() < 2000) {
            errors.put("startsOn", "Ngày thực hiện không hợp lệ.");
        }
        Map<String, Long> outputs = new LinkedHashMap<>();
        for (Map.Entry<String, Long> e : in.outputs().entrySet()) {
            Optional<Indicator> indicator = indicators.byCode(e.getKey());
            if (indicator.isEmpty() || !indicator.get().active()) {
                errors.put("outputs/" + e.getKey(), "Không có chỉ tiêu mã " + e.getKey() + ".");
            } else if (e.getValue() == null || e.getValue() < 0 || e.getValue() > 1_000_000_000L) {
                errors.put("outputs/" + e.getKey(), "Số lượng phải là số nguyên từ 0 đến 1.000.000.000.");
            } else if (e.getValue() > 0) {
                outputs.put(e.getKey(), e.getValue());
            }
        }
        if (!errors.isEmpty()) {
            throw new Problem(400, "ACTIVITY_INVALID", "Hoạt động chưa hợp lệ: {0}", Map.of("errors", errors),
                    String.join(" ", errors.values()));
        }
        return new Activities.Clean(title, channel, starts, ends, text(in.phase(), 200), text(in.task(), 1000),
                text(in.place(), 500), text(in.description(), 4000), Boolean.TRUE.equals(in.notable()), outputs,
                bytes);
    }

    private Activity write(CurrentUser user, long planId, Activities.Clean clean, List<Staged> staged,
            List<String> links) {
        // the column keeps microseconds: the activity answered below is the one a later read gives
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        // the insert checks that the unit is open and takes its path: no read of the unit before
        Activities.Inserted inserted = activities.insert(planId, user.unitId(), clean, user.id(), now)
                .orElseThrow(() -> unitClosed(user.unitId()));
        long id = inserted.id();
        long unitId = user.unitId();
        String unitPath = inserted.unitPath();
        List<String> kept = new ArrayList<>();
        List<Evidence> evidence = new ArrayList<>();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        removeOrphans(kept);
                    }
                }
            });
        }
        try {
            for (Staged s : staged) {
                if (storage.keep(s.staged)) {
                    kept.add(s.staged.sha256());
                }
                String thumb = null;
                if (s.thumbnail != null) {
                    thumb = s.thumbnail.sha256();
                    if (storage.keep(s.thumbnail)) {
                        kept.add(thumb);
                    }
                }
                evidence.add(activities.insertEvidence(id, new Evidence(0, Evidence.Kind.FILE, s.name, s.inspected.type().mediaType,
                        s.staged.size(), s.staged.sha256(), thumb, s.inspected.width(), s.inspected.height(), null),
                        now));
            }
        } catch (IOException e) {
            throw new Problem(503, "STORAGE_FULL", "Không lưu được tệp minh chứng (bộ nhớ lưu trữ đầy hoặc lỗi). "
                    + "Hãy thử lại sau.");
        }
        for (String link : links) {
            evidence.add(activities.insertEvidence(id, new Evidence(0, Evidence.Kind.LINK, link.length() > 255
                    ? link.substring(0, 255) : link, null, null, null, null, null, null, link), now));
        }
        events.publishEvent(new ActivityRecorded(id, planId, unitId, unitPath, clean.channel(),
                clean.startsOn(), clean.outputs(), clean.phase()));
        audit.record(AuditEvent.of("ACTIVITY_RECORDED", AuditOutcome.OK).object("activity", id)
                .details("plan=" + planId + " files=" + staged.size() + " links=" + links.size()));
        // what was written, as a read of it would give (outputs in catalogue order, evidence in id order): no
        // second round of queries for the answer
        Map<String, Long> outputs = new LinkedHashMap<>();
        clean.outputs().entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, Long> e) -> indicators.byCode(e.getKey())
                        .map(Indicator::position).orElse(Integer.MAX_VALUE)).thenComparing(Map.Entry::getKey))
                .forEach(e -> outputs.put(e.getKey(), e.getValue()));
        return new Activity(id, planId, unitId, unitPath, clean.title(), clean.channel(), clean.startsOn(),
                clean.endsOn(), clean.phase(), clean.task(), clean.place(), clean.description(), clean.notable(),
                Collections.unmodifiableMap(outputs), List.copyOf(evidence), 0, user.id(), now);
    }

    /** Why a unit's activity was not written: 409 for a closed unit (404 when it is gone). */
    private Problem unitClosed(long unitId) {
        Unit unit = units.get(unitId);
        return Problem.conflict("ACTIVITY_UNIT_CLOSED",
                "Đơn vị \"{0}\" đã giải thể hoặc sáp nhập, không ghi nhận hoạt động mới.", unit.name());
    }

    private void removeOrphans(List<String> kept) {
        for (String sha : kept) {
            try {
                if (activities.references(sha) == 0) {
                    storage.remove(sha);
                }
            } catch (IOException | RuntimeException e) {
                // left for the sweep of unreferenced files (I-4)
            }
        }
    }

    /** Stages and inspects one upload; a refusal discards it and is audited with its SHA-256. */
    private Staged stage(Upload upload) {
        String name = EvidenceFiles.displayName(upload.filename());
        EvidenceStorage.Staged s;
        try (InputStream in = upload.open()) {
            s = storage.stage(in, MAX_FILE_BYTES);
        } catch (EvidenceStorage.TooLarge e) {
            audit.record(AuditEvent.of("UPLOAD_REJECTED", AuditOutcome.FAILED).object("evidence", null)
                    .details("code=FILE_TOO_LARGE name=" + name));
            throw new Problem(413, "FILE_TOO_LARGE", "Tệp vượt quá dung lượng cho phép ({0} MB).", MAX_FILE_BYTES >> 20);
        } catch (IOException e) {
            throw new Problem(503, "STORAGE_FULL", "Không lưu được tệp minh chứng (bộ nhớ lưu trữ đầy hoặc lỗi). "
                    + "Hãy thử lại sau.");
        }
        Staged staged = new Staged(name, s);
        try {
            staged.inspected = EvidenceFiles.inspect(s.file(), name);
            if (staged.inspected.type().image()) {
                byte[] thumb = EvidenceFiles.thumbnail(s.file(), staged.inspected);
                staged.thumbnail = storage.stage(new ByteArrayInputStream(thumb), MAX_FILE_BYTES);
            }
        } catch (Problem p) {
            throw rejected(staged, p);
        } catch (IOException e) {
            throw rejected(staged, Problem.unprocessable("EVIDENCE_CORRUPT", "Tệp \"{0}\" bị hỏng, không đọc được.",
                    name));
        } finally {
            if (staged.inspected == null) {
                storage.discard(s);
            }
        }
        return staged;
    }

    private Problem rejected(Staged staged, Problem problem) {
        audit.record(AuditEvent.of("UPLOAD_REJECTED", AuditOutcome.FAILED).object("evidence", null)
                .details("code=" + problem.code() + " sha256=" + staged.staged.sha256()));
        return problem;
    }

    private static List<String> links(List<String> raw) {
        List<String> links = new ArrayList<>();
        for (String r : raw) {
            if (r == null || r.isBlank()) {
                continue;
            }
            String link = r.strip();
            try {
                URI uri = new URI(link);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                        || link.length() > 2000) {
                    throw linkInvalid(link);
                }
            } catch (URISyntaxException e) {
                throw linkInvalid(link);
            }
            links.add(link);
        }
        if (links.size() > MAX_LINKS) {
            throw Problem.badRequest("EVIDENCE_TOO_MANY", "Mỗi hoạt động có tối đa {0} đường dẫn minh chứng.",
                    MAX_LINKS);
        }
        return links;
    }

    private static Problem linkInvalid(String link) {
        return Problem.badRequest("EVIDENCE_LINK_INVALID",
                "Đường dẫn minh chứng phải bắt đầu bằng http:// hoặc https://: \"{0}\".",
                link.length() > 100 ? link.substring(0, 100) + "…" : link);
    }

    private static String text(String value, int max) {
        if (value == null) {
            return null;
        }
        String s = INVISIBLE.matcher(VietnameseText.nfc(value)).replaceAll("").strip();
        if (s.isEmpty()) {
            return null;
        }
        return s.length() > max ? s.substring(0, max) : s;
    }

    static Problem notFound() {
        return Problem.notFound("ACTIVITY_NOT_FOUND", "Không tìm thấy hoạt động.");
    }

    static Problem evidenceNotFound() {
        return Problem.notFound("EVIDENCE_NOT_FOUND", "Không tìm thấy minh chứng.");
    }

    /** An upload being processed. */
    private static final class Staged {
        final String name;
        final EvidenceStorage.Staged staged;
        EvidenceFiles.Inspected inspected;
        EvidenceStorage.Staged thumbnail;

        Staged(String name, EvidenceStorage.Staged staged) {
            this.name = name;
            this.staged = staged;
        }
    }
}
