package vn.lantoa.plan.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.lantoa.account.CurrentUser;
import vn.lantoa.calendar.Deadlines.Reading;
import vn.lantoa.event.PlanTimes;
import vn.lantoa.importing.DocumentText;
import vn.lantoa.importing.PlanImporter;
import vn.lantoa.importing.TextBlock;
import vn.lantoa.organization.Unit;
import vn.lantoa.organization.Units;
import vn.lantoa.planformat.Plan;
import vn.lantoa.planformat.PlanJson;
import vn.lantoa.planformat.Warning;
import vn.lantoa.plan.AssignmentMatch;
import vn.lantoa.plan.PlanFinding;
import vn.lantoa.plan.PlanInput;
import vn.lantoa.plan.PlanManagement;
import vn.lantoa.plan.PlanStatus;
import vn.lantoa.plan.PlanSummary;
import vn.lantoa.plan.StoredPlan;
import vn.lantoa.shared.Problem;
import vn.lantoa.shared.VietnameseText;

/**
 * The plan pages: the list ({@code /plans}: search without diacritics, filters by status, issuer, event and phase),
 * the read view that reads like the document with its checks, matched units and history ({@code /plans/{id}}), the
 * editor of every field ({@code /plans/{id}/edit}: a draft is saved, an issued plan amended), and the import review
 * ({@code /plans/import}: the document's text beside what was read, warnings at their place, then a draft). Same
 * rules as the API: a plan the user may not see is "not found"; a refused save keeps what was typed and says why.
 */
@Controller
@RequestMapping("/plans")
class PlanPages {

    static final int LIST_LIMIT = 200;
    private static final Pattern PICK = Pattern.compile("(pick|none)([0-9]{1,4})");
    private static final Pattern REMOVED_ASSIGNMENT = Pattern.compile("remove:/assignments/([0-9]{1,4})");
    private static final Pattern WHERE = Pattern.compile("\\(((?:dòng|đoạn|trang)[^()]*)\\)\\s*$");

    private final PlanManagement management;
    private final Units units;
    private final MessageSource messages;
    private final PlanImporter importer;
    private final JsonMapper json = JsonMapper.builder().build();

    PlanPages(PlanManagement management, Units units, MessageSource messages, PlanImporter importer) {
        this.management = management;
        this.units = units;
        this.messages = messages;
        this.importer = importer;
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String q,
            @RequestParam(required = false) PlanStatus status, @RequestParam(required = false) Long issuer,
            @RequestParam(required = false) String event, @RequestParam(required = false) String phase, Model model,
            Locale locale) {
        List<PlanSummary> shown = management.list(user, status, q, issuer, event, phase, LIST_LIMIT);
        Map<Long, String> issuers = new LinkedHashMap<>();
        management.issuers(user).forEach(id -> issuers.put(id, units.byId(id).map(Unit::shortName)
                .orElse(String.valueOf(id))));
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("status", status);
        model.addAttribute("issuer", issuer);
        model.addAttribute("event", event == null ? "" : event);
        model.addAttribute("phase", phase == null ? "" : phase);
        model.addAttribute("issuers", issuers);
        model.addAttribute("statuses", PlanStatus.values());
        model.addAttribute("plans", shown);
        model.addAttribute("limit", LIST_LIMIT);
        model.addAttribute("time", new TimeText(messages, locale));
        return "plan/plans";
    }

    @GetMapping("/{id}")
    @PreAuthorize("isAuthenticated()")
    String plan(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model, Locale locale) {
        StoredPlan plan = management.get(user, id);
        model.addAttribute("stored", plan);
        model.addAttribute("plan", plan.plan());
        model.addAttribute("doc", plan.plan().document());
        model.addAttribute("issuerUnit", units.get(plan.issuerUnitId()));
        model.addAttribute("time", new TimeText(messages, locale));
        model.addAttribute("findings", management.check(user, id));
        List<AssignmentMatch> matches = management.assignments(user, id);
        model.addAttribute("matches", matches);
        model.addAttribute("unitNames", unitNames(matches));
        model.addAttribute("history", management.history(user, id));
        model.addAttribute("writer", management.mayWrite(user, plan));
        PlanTimes times = management.times(user, id);
        model.addAttribute("times", times.byPointer());
        model.addAttribute("reading", times.reading().name());
        // "Xây dựng kế hoạch thực hiện": an issued plan that gives the user's own unit tasks (the cascade derives)
        model.addAttribute("mayDerive", plan.status() == PlanStatus.ISSUED && plan.issuerUnitId() != user.unitId()
                && management.mayCreate(user) && matches.stream().anyMatch(m -> m.unitIds().contains(user.unitId())));
        return "plan/plan";
    }

    /** Đến hết ngày: the issuer's choice of how the plan reads "trước ngày X"; the read view shows the dates moved. */
    @PostMapping("/{id}/reading")
    @PreAuthorize("isAuthenticated()")
    String reading(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(defaultValue = "STRICT") Reading reading, RedirectAttributes flash, Locale locale) {
        return act(id, flash, locale, () -> management.setReading(user, id, reading), "plan.page.reading.saved");
    }

    private Map<Long, String> unitNames(List<AssignmentMatch> matches) {
        Map<Long, String> out = new LinkedHashMap<>();
        for (AssignmentMatch m : matches) {
            for (List<Long> ids : List.of(m.unitIds(), m.candidates())) {
                ids.forEach(u -> out.computeIfAbsent(u, k -> units.byId(k).map(Unit::name).orElse(String.valueOf(k))));
            }
        }
        return out;
    }

    @PostMapping("/{id}/issue")
    @PreAuthorize("isAuthenticated()")
    String issue(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) Long version, RedirectAttributes flash, Locale locale) {
        return act(id, flash, locale, () -> management.issue(user, id, version), "plan.page.issued");
    }

    @PostMapping("/{id}/close")
    @PreAuthorize("isAuthenticated()")
    String close(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) Long version, RedirectAttributes flash, Locale locale) {
        return act(id, flash, locale, () -> management.close(user, id, version), "plan.page.closed");
    }

    @PostMapping("/{id}/assignments/{index}")
    @PreAuthorize("isAuthenticated()")
    String pick(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable int index,
            @RequestParam(required = false) List<Long> unitIds, @RequestParam Long version, RedirectAttributes flash,
            Locale locale) {
        return act(id, flash, locale, () -> management.confirmUnits(user, id, index,
                unitIds == null ? List.of() : unitIds, version), "plan.page.picked");
    }

    /** Runs a change; a refusal other than "not found" or "forbidden" comes back as the error on the read view. */
    private String act(long id, RedirectAttributes flash, Locale locale, Runnable change, String done) {
        try {
            change.run();
            flash.addFlashAttribute("notice", messages.getMessage(done, null, locale));
        } catch (Problem p) {
            if (p.status() == 403 || p.status() == 404) {
                throw p;
            }
            flash.addFlashAttribute("error", message(p, locale));
            flash.addFlashAttribute("errorCode", p.code());
        }
        return "redirect:/plans/" + id;
    }

    private String message(Problem p, Locale locale) {
        return messages.getMessage(p.messageKey(), p.args(), p.defaultMessage(), locale);
    }

    // ------------------------------------------------------------------------------------------------- editor

    @GetMapping("/{id}/edit")
    @PreAuthorize("isAuthenticated()")
    String edit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model, Locale locale) {
        StoredPlan plan = management.editable(user, id);
        return editor(model, plan, PlanJson.toTree(plan.plan()), plan.version(), null, Map.of(), null, locale);
    }

    @PostMapping("/{id}/edit")
    @PreAuthorize("isAuthenticated()")
    String save(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam long version,
            @RequestParam(required = false) String note, @RequestParam Map<String, String> params, Model model,
            HttpServletResponse response, RedirectAttributes flash, Locale locale) {
        StoredPlan current = management.editable(user, id);
        model.addAttribute("note", note);
        return submit(model, current, typed(params, PlanJson.toTree(current.plan())), version, params, response,
                flash, locale, input -> {
                    if (current.status() == PlanStatus.DRAFT) {
                        management.save(user, id, input, version);
                    } else {
                        management.amend(user, id, input, note == null || note.isBlank() ? null : note.strip(),
                                version);
                    }
                    return id;
                });
    }

    /** Soạn kế hoạch mới: the editor on a blank plan of the user's unit. */
    @GetMapping("/new")
    @PreAuthorize("isAuthenticated()")
    String blank(@AuthenticationPrincipal CurrentUser user, Model model, Locale locale) {
        mayCreate(user);
        return editor(model, null, PlanEditor.blank(), 0, null, Map.of(), null, locale);
    }

    @PostMapping("/new")
    @PreAuthorize("isAuthenticated()")
    String createBlank(@AuthenticationPrincipal CurrentUser user, @RequestParam Map<String, String> params,
            Model model, HttpServletResponse response, RedirectAttributes flash, Locale locale) {
        mayCreate(user);
        return submit(model, null, typed(params, PlanEditor.blank()), 0, params, response, flash, locale,
                input -> management.create(user, input).id());
    }

    private void mayCreate(CurrentUser user) {
        if (!management.mayCreate(user)) {
            throw Problem.forbidden("FORBIDDEN", "Bạn không có quyền thực hiện thao tác này.");
        }
    }

    /** The plan the editor was showing (carried in the form as JSON), or the given one when it is not there. */
    private ObjectNode typed(Map<String, String> params, ObjectNode otherwise) {
        String document = params.get("document");
        if (document == null || document.isBlank()) {
            return otherwise;
        }
        try {
            return json.readTree(document) instanceof ObjectNode tree ? tree : otherwise;
        } catch (RuntimeException e) {
            return otherwise;
        }
    }

    /**
     * What the editor's form does: what was typed is set into the plan; a row added or removed brings the page back
     * with it; else the plan is saved, and a refusal brings the page back with what was typed and why (next to the
     * field when the refusal names one).
     */
    private String submit(Model model, StoredPlan current, ObjectNode tree, long version, Map<String, String> params,
            HttpServletResponse response, RedirectAttributes flash, Locale locale,
            java.util.function.Function<PlanInput, Long> store) {
        PlanEditor.Applied applied = PlanEditor.apply(tree, params, labels(locale));
        ObjectNode edited = applied.tree();
        String op = params.get("op");
        if (op != null && !op.isBlank()) {
            String focus = PlanEditor.operate(edited, op);
            return editor(model, current, edited, version, null, applied.errors(), focus, locale);
        }
        if (!applied.errors().isEmpty()) {
            response.setStatus(400);
            model.addAttribute("errorCode", "PLAN_FORM");
            return editor(model, current, edited, version, messages.getMessage("plan.editor.errors",
                    new Object[] {applied.errors().size()}, locale), applied.errors(), null, locale);
        }
        long id;
        try {
            ObjectNode saved = PlanEditor.cleaned(edited);
            if (current != null) {
                saved.put("version", version);
            }
            id = store.apply(PlanInput.parse(json.writeValueAsString(saved)));
        } catch (Problem p) {
            if (p.status() == 403 || p.status() == 404) {
                throw p;
            }
            response.setStatus(p.status());
            model.addAttribute("errorCode", p.code());
            return editor(model, current, edited, version, message(p, locale), fieldErrors(p), null, locale);
        }
        flash.addFlashAttribute("notice", messages.getMessage("plan.page.saved", null, locale));
        return "redirect:/plans/" + id;
    }

    /** The faults a refusal names by pointer (a malformed plan's {@code errors}, an incomplete one's {@code missing}). */
    @SuppressWarnings("unchecked")
    static Map<String, String> fieldErrors(Problem p) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String property : List.of("errors", "missing", "findings")) {
            if (p.properties().get(property) instanceof List<?> list) {
                for (Object item : list) {
                    if (item instanceof Map<?, ?> m && m.get("pointer") != null) {
                        Object detail = m.get("detail") != null ? m.get("detail") : m.get("message");
                        out.merge(String.valueOf(m.get("pointer")), String.valueOf(detail), (a, b) -> a + " " + b);
                    }
                }
            }
        }
        return out;
    }

    private String editor(Model model, StoredPlan plan, ObjectNode tree, long version, String error,
            Map<String, String> errors, String focus, Locale locale) {
        model.addAttribute("stored", plan);
        model.addAttribute("version", version);
        model.addAttribute("action", plan == null ? "/plans/new" : "/plans/" + plan.id() + "/edit");
        editorModel(model, tree, errors, focus, locale);
        model.addAttribute("error", error);
        return "plan/edit";
    }

    /** The editor's fields (shared by the editor and the import review). */
    private void editorModel(Model model, ObjectNode tree, Map<String, String> errors, String focus, Locale locale) {
        model.addAttribute("nodes", PlanEditor.form(tree, labels(locale), errors));
        model.addAttribute("editorDocument", json.writeValueAsString(tree));
        List<String> eventNames = new ArrayList<>();
        tree.path("events").forEach(e -> {
            if (e.path("name").isString()) {
                eventNames.add(e.path("name").asString());
            }
        });
        model.addAttribute("eventNames", eventNames);
        Map<String, String> listed = new LinkedHashMap<>();
        errors.forEach((pointer, detail) -> listed.put(pointer.isEmpty() ? "" : label(pointer), detail));
        model.addAttribute("errorList", listed);
        model.addAttribute("focus", focus);
    }

    private PlanEditor.Labels labels(Locale locale) {
        return (key, args) -> messages.getMessage(key, args, key, locale);
    }

    static String label(String pointer) {
        return vn.lantoa.plan.PlanVersion.label(pointer);
    }

    // ------------------------------------------------------------------------------------------------- import

    @GetMapping("/import")
    @PreAuthorize("isAuthenticated()")
    String importForm() {
        return "plan/import";
    }

    @PostMapping("/import")
    @PreAuthorize("isAuthenticated()")
    String importFile(@AuthenticationPrincipal CurrentUser user, @RequestParam("file") MultipartFile file,
            Model model, HttpServletResponse response, Locale locale) throws IOException {
        Path spooled = Files.createTempFile(PlanImporter.SPOOL_PREFIX + "page-", ".bin");
        try {
            String sha256;
            try (InputStream in = file.getInputStream();
                    DigestInputStream digest = new DigestInputStream(in, sha256())) {
                long size = Files.copy(digest, spooled, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                if (size > importer.limits().maxBytes()) {
                    throw Problem.badRequest("FILE_TOO_LARGE", "Tệp quá lớn.");
                }
                sha256 = HexFormat.of().formatHex(digest.getMessageDigest().digest());
            }
            String name = file.getOriginalFilename() == null ? "ke-hoach" : file.getOriginalFilename();
            DocumentText text = importer.readFile(spooled, name);
            Plan plan = importer.importFile(spooled, name);
            return review(user, model, PlanJson.toTree(plan), text.blocks(), sha256, name, null, false, Map.of(), null,
                    Map.of(), locale);
        } catch (Problem p) {
            if (p.status() == 403 || p.status() == 404) {
                throw p;
            }
            response.setStatus(p.status());
            model.addAttribute("error", message(p, locale));
            return "plan/import";
        } finally {
            Files.deleteIfExists(spooled);
        }
    }

    @PostMapping("/import/save")
    @PreAuthorize("isAuthenticated()")
    String importSave(@AuthenticationPrincipal CurrentUser user, @RequestParam String document,
            @RequestParam String sha256, @RequestParam(required = false) String fileName,
            @RequestParam(required = false) String text, @RequestParam(defaultValue = "false") boolean again,
            @RequestParam MultiValueMap<String, String> all, Model model, HttpServletResponse response,
            RedirectAttributes flash, Locale locale) {
        Map<String, String> params = all.toSingleValueMap();
        ObjectNode tree;
        try {
            tree = (ObjectNode) json.readTree(document);
        } catch (RuntimeException e) {
            throw Problem.badRequest("PLAN_FORM_DOCUMENT", "Không đọc được kế hoạch đã nhập; hãy tải tệp lên lại.");
        }
        List<TextBlock> blocks = readBlocks(text);
        Map<Integer, List<Long>> picks = picks(all);
        PlanEditor.Applied applied = PlanEditor.apply(tree, params, labels(locale));
        tree = applied.tree();
        String op = params.get("op");
        if (op != null && !op.isBlank()) {
            String focus = PlanEditor.operate(tree, op);
            if (focus != null) {
                picks = afterOperation(picks, op);
            }
            return review(user, model, tree, blocks, sha256, fileName, null, false, applied.errors(), focus, picks,
                    locale);
        }
        if (!applied.errors().isEmpty()) {
            response.setStatus(400);
            model.addAttribute("errorCode", "PLAN_FORM");
            return review(user, model, tree, blocks, sha256, fileName, messages.getMessage("plan.editor.errors",
                    new Object[] {applied.errors().size()}, locale), false, applied.errors(), null, picks, locale);
        }
        try {
            StoredPlan created = management.createImported(user,
                    PlanInput.parse(json.writeValueAsString(PlanEditor.cleaned(tree))), sha256, again, picks);
            flash.addFlashAttribute("notice", messages.getMessage("plan.page.imported", null, locale));
            return "redirect:/plans/" + created.id();
        } catch (Problem p) {
            if (p.status() == 403 || p.status() == 404) {
                throw p;
            }
            response.setStatus(p.status());
            model.addAttribute("errorCode", p.code());
            model.addAttribute("duplicates", p.properties().get("plans"));
            return review(user, model, tree, blocks, sha256, fileName, message(p, locale),
                    "PLAN_DUPLICATE_FILE".equals(p.code()), fieldErrors(p), null, picks, locale);
        }
    }

    /**
     * The units picked on the review screen: {@code pick<i>} (unit ids, several allowed) for assignment i, or
     * {@code none<i>} when the heading names no unit of the system. An assignment with neither is left to pick later.
     */
    static Map<Integer, List<Long>> picks(MultiValueMap<String, String> all) {
        Map<Integer, List<Long>> out = new java.util.TreeMap<>();
        all.forEach((name, values) -> {
            Matcher m = PICK.matcher(name);
            if (!m.matches()) {
                return;
            }
            int index = Integer.parseInt(m.group(2));
            if (m.group(1).equals("none")) {
                if (values.contains("true")) {
                    out.put(index, List.of());
                }
                return;
            }
            List<Long> ids = values.stream().filter(v -> v.matches("[0-9]{1,18}")).map(Long::valueOf).toList();
            if (!ids.isEmpty() && !out.containsKey(index)) {
                out.put(index, ids);
            }
        });
        return out;
    }

    /**
     * Picks are keyed by the assignment's position, so removing an assignment row moves the picks of the rows below it
     * up one place with their rows; otherwise a unit picked for one heading would land on the next heading.
     * Adding appends a row at the end and moves nothing.
     */
    static Map<Integer, List<Long>> afterOperation(Map<Integer, List<Long>> picks, String op) {
        Matcher removed = REMOVED_ASSIGNMENT.matcher(op);
        if (!removed.matches()) {
            return picks;
        }
        int gone = Integer.parseInt(removed.group(1));
        Map<Integer, List<Long>> out = new java.util.TreeMap<>();
        picks.forEach((index, units) -> {
            if (index < gone) {
                out.put(index, units);
            } else if (index > gone) {
                out.put(index - 1, units);
            }
        });
        return out;
    }

    private String review(CurrentUser user, Model model, ObjectNode tree, List<TextBlock> blocks, String sha256,
            String fileName, String error, boolean askAgain, Map<String, String> errors, String focus,
            Map<Integer, List<Long>> picks, Locale locale) {
        // read loosely: a row just added may still lack what the format requires
        List<Warning> warnings = new ArrayList<>();
        tree.path("warnings").forEach(w -> warnings.add(new Warning(w.path("code").asString(""),
                w.path("message").asString(""), w.path("where").isString() ? w.path("where").asString() : null)));
        List<vn.lantoa.planformat.Assignment> assignments = new ArrayList<>();
        tree.path("assignments").forEach(a -> assignments.add(new vn.lantoa.planformat.Assignment(
                a.path("unit").asString(""), vn.lantoa.planformat.Role.fromJson(a.path("role").asString("")),
                List.of())));
        Map<String, List<Warning>> marks = new LinkedHashMap<>();
        List<Warning> unplaced = new ArrayList<>();
        for (Warning w : warnings) {
            Optional<String> at = Optional.ofNullable(w.where()).map(WHERE::matcher).filter(Matcher::find)
                    .map(m -> m.group(1).strip());
            if (at.isPresent() && blocks.stream().anyMatch(b -> at.get().equals(b.where()))) {
                marks.computeIfAbsent(at.get(), k -> new ArrayList<>()).add(w);
            } else {
                unplaced.add(w);
            }
        }
        model.addAttribute("blocks", blocks);
        model.addAttribute("marks", marks);
        model.addAttribute("unplaced", unplaced);
        model.addAttribute("text", writeBlocks(blocks));
        model.addAttribute("sha256", sha256);
        model.addAttribute("fileName", fileName);
        editorModel(model, tree, errors, focus, locale);
        List<AssignmentMatch> matches = management.preview(user, assignments);
        model.addAttribute("matches", matches);
        model.addAttribute("unitNames", unitNames(matches));
        model.addAttribute("picks", picks);
        model.addAttribute("error", error);
        model.addAttribute("askAgain", askAgain);
        return "plan/review";
    }

    /** The text blocks carried through the review form (text and where only), so a refused save shows them again. */
    private String writeBlocks(List<TextBlock> blocks) {
        List<List<String>> rows = blocks.stream().map(b -> List.of(b.displayed(), String.valueOf(b.where()))).toList();
        return json.writeValueAsString(rows);
    }

    private List<TextBlock> readBlocks(String text) {
        List<TextBlock> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        try {
            for (tools.jackson.databind.JsonNode row : json.readTree(text)) {
                out.add(new TextBlock(row.get(0).asString(), null, 0, TextBlock.Alignment.LEFT, false, false, 0,
                        row.get(1).asString()));
            }
        } catch (RuntimeException e) {
            return List.of();
        }
        return out;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
