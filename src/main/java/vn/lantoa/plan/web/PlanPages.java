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
        List<PlanSummary> all = management.list(user, status, q, LIST_LIMIT);
        Map<Long, String> issuers = new LinkedHashMap<>();
        all.forEach(p -> issuers.computeIfAbsent(p.issuerUnitId(), id -> units.byId(id).map(Unit::shortName)
                .orElse(String.valueOf(id))));
        List<PlanSummary> shown = new ArrayList<>();
        String ev = VietnameseText.fold(event);
        String ph = VietnameseText.fold(phase);
        for (PlanSummary p : all) {
            if (issuer != null && p.issuerUnitId() != issuer) {
                continue;
            }
            if (!ev.isEmpty() || !ph.isEmpty()) {
                Plan plan = management.get(user, p.id()).plan();
                if (!ev.isEmpty() && plan.events().stream().noneMatch(e -> VietnameseText.fold(e.name()).contains(ev))) {
                    continue;
                }
                if (!ph.isEmpty() && plan.phases().stream().noneMatch(x -> VietnameseText.fold(
                        String.join(" ", String.valueOf(x.label()), String.valueOf(x.title()))).contains(ph))) {
                    continue;
                }
            }
            shown.add(p);
        }
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
        model.addAttribute("matches", management.assignments(user, id));
        model.addAttribute("unitNames", unitNames(management.assignments(user, id)));
        model.addAttribute("history", management.history(user, id));
        model.addAttribute("writer", management.mayWrite(user, plan));
        return "plan/plan";
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
    String edit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        StoredPlan plan = management.editable(user, id);
        return editor(model, plan, PlanJson.toTree(plan.plan()), plan.version(), null);
    }

    @PostMapping("/{id}/edit")
    @PreAuthorize("isAuthenticated()")
    String save(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam long version,
            @RequestParam(required = false) String note, @RequestParam Map<String, String> params, Model model,
            HttpServletResponse response, RedirectAttributes flash, Locale locale) {
        StoredPlan current = management.editable(user, id);
        // what was typed is set into the version the editor was opened on (the current one when it is still that)
        ObjectNode tree = PlanJson.toTree(current.plan());
        try {
            ObjectNode edited = PlanForm.apply(tree, params);
            tree = edited;
            edited.put("version", version);
            PlanInput input = PlanInput.parse(json.writeValueAsString(edited));
            if (current.status() == PlanStatus.DRAFT) {
                management.save(user, id, input, version);
            } else {
                management.amend(user, id, input, note == null || note.isBlank() ? null : note.strip(), version);
            }
        } catch (Problem p) {
            if (p.status() == 403 || p.status() == 404) {
                throw p;
            }
            response.setStatus(p.status());
            tree.remove("version");
            model.addAttribute("errorCode", p.code());
            model.addAttribute("errors", p.properties().get("errors"));
            return editor(model, current, tree, version, message(p, locale));
        }
        flash.addFlashAttribute("notice", messages.getMessage("plan.page.saved", null, locale));
        return "redirect:/plans/" + id;
    }

    private String editor(Model model, StoredPlan plan, ObjectNode tree, long version, String error) {
        model.addAttribute("stored", plan);
        model.addAttribute("version", version);
        model.addAttribute("sections", sections(tree));
        model.addAttribute("error", error);
        return "plan/edit";
    }

    private Map<String, List<PlanForm.Field>> sections(ObjectNode tree) {
        Map<String, List<PlanForm.Field>> out = new LinkedHashMap<>();
        for (PlanForm.Field f : PlanForm.fields(tree, PlanPages::label)) {
            out.computeIfAbsent(f.section(), k -> new ArrayList<>()).add(f);
        }
        return out;
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
            return review(model, PlanJson.toTree(plan), text.blocks(), sha256, name, null, false);
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
            @RequestParam Map<String, String> params, Model model, HttpServletResponse response,
            RedirectAttributes flash, Locale locale) {
        ObjectNode tree;
        try {
            tree = (ObjectNode) json.readTree(document);
        } catch (RuntimeException e) {
            throw Problem.badRequest("PLAN_FORM_DOCUMENT", "Không đọc được kế hoạch đã nhập; hãy tải tệp lên lại.");
        }
        List<TextBlock> blocks = readBlocks(text);
        try {
            ObjectNode edited = PlanForm.apply(tree, params);
            tree = edited;
            StoredPlan created = management.createImported(user, PlanInput.parse(json.writeValueAsString(edited)),
                    sha256, again);
            flash.addFlashAttribute("notice", messages.getMessage("plan.page.imported", null, locale));
            return "redirect:/plans/" + created.id();
        } catch (Problem p) {
            if (p.status() == 403 || p.status() == 404) {
                throw p;
            }
            response.setStatus(p.status());
            model.addAttribute("errorCode", p.code());
            model.addAttribute("errors", p.properties().get("errors"));
            model.addAttribute("duplicates", p.properties().get("plans"));
            return review(model, tree, blocks, sha256, fileName, message(p, locale),
                    "PLAN_DUPLICATE_FILE".equals(p.code()));
        }
    }

    private String review(Model model, ObjectNode tree, List<TextBlock> blocks, String sha256, String fileName,
            String error, boolean askAgain) {
        Plan plan = PlanJson.read(json.writeValueAsString(tree));
        Map<String, List<Warning>> marks = new LinkedHashMap<>();
        List<Warning> unplaced = new ArrayList<>();
        for (Warning w : plan.warnings()) {
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
        model.addAttribute("document", json.writeValueAsString(tree));
        model.addAttribute("text", writeBlocks(blocks));
        model.addAttribute("sha256", sha256);
        model.addAttribute("fileName", fileName);
        model.addAttribute("sections", sections(tree));
        model.addAttribute("assignments", plan.assignments());
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
