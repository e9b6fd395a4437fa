package vn.lantoa.organization.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
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

import vn.lantoa.organization.BulkLoadResult;
import vn.lantoa.organization.NewUnit;
import vn.lantoa.organization.RejectedRow;
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
 * The unit pages: the tree with a search box (typed without diacritics), a unit with its history, and the forms to
 * create a child, rename, move, close, merge, and load a file. Forms post with CSRF ({@code th:action}); after a
 * change the browser is sent back to the unit (post-redirect-get) with a message, or with the refusal in words.
 */
@Controller
@RequestMapping("/admin/units")
class UnitPages {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final int SEARCH_LIMIT = 100;

    private final Units units;
    private final UnitManagement management;
    private final MessageSource messages;

    UnitPages(Units units, UnitManagement management, MessageSource messages) {
        this.units = units;
        this.management = management;
        this.messages = messages;
    }

    // ------------------------------------------------------------------------------------------------- reading

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    String tree(@AuthenticationPrincipal UnitActor actor, @RequestParam(required = false) String q, Model model) {
        model.addAttribute("q", q == null ? "" : q);
        if (q != null && !q.isBlank()) {
            List<Unit> found = units.search(q, null, true, SEARCH_LIMIT);
            model.addAttribute("found", found);
            model.addAttribute("parents", parentNames(found));
            model.addAttribute("limited", found.size() >= SEARCH_LIMIT);
        } else {
            model.addAttribute("roots", units.roots());
        }
        model.addAttribute("mayCreateRoot", management.mayCreateUnder(actor, null));
        model.addAttribute("mayImport", actor != null && actor.unitAuthority() != UnitActor.UnitAuthority.NONE);
        model.addAttribute("kinds", UnitKind.values());
        model.addAttribute("today", management.today());
        return "organization/units";
    }

    /** The children of a unit, as a fragment of the tree (htmx fills them in when a node opens). */
    @GetMapping("/{id}/children")
    @PreAuthorize("isAuthenticated()")
    String children(@PathVariable long id, Model model) {
        units.get(id);
        model.addAttribute("nodes", units.children(id));
        return "organization/units :: nodes";
    }

    /** Units to choose from, for the move and merge forms: a click fills the form's field. */
    @GetMapping("/pick")
    @PreAuthorize("isAuthenticated()")
    String pick(@RequestParam(required = false) String q, @RequestParam(name = "for", defaultValue = "") String field,
            Model model) {
        List<Unit> found = q == null || q.isBlank() ? List.of() : units.search(q, null, false, 20);
        model.addAttribute("choices", found);
        model.addAttribute("parents", parentNames(found));
        model.addAttribute("field", field.replaceAll("[^a-z-]", ""));
        return "organization/pick :: choices";
    }

    @GetMapping("/{id}")
    @PreAuthorize("isAuthenticated()")
    String unit(@AuthenticationPrincipal UnitActor actor, @PathVariable long id, Model model) {
        Unit unit = units.get(id);
        List<UnitVersion> history = units.history(id);
        Map<Long, String> names = new HashMap<>();
        for (UnitVersion v : history) {
            if (v.parentId() != null) {
                names.computeIfAbsent(v.parentId(), p -> units.byId(p).map(Unit::shortName).orElse("#" + p));
            }
        }
        model.addAttribute("unit", unit);
        model.addAttribute("ancestors", units.ancestors(id));
        model.addAttribute("children", units.children(id));
        List<UnitVersion> newestFirst = new ArrayList<>(history);
        Collections.reverse(newestFirst);
        model.addAttribute("history", newestFirst);
        model.addAttribute("historyParents", names);
        model.addAttribute("closedOn", units.closedOn(id).orElse(null));
        model.addAttribute("successor", unit.successorId() == null ? null : units.byId(unit.successorId()).orElse(null));
        model.addAttribute("mayEdit", !unit.closed() && management.mayEdit(actor, unit));
        model.addAttribute("mayCreateChild", !unit.closed() && management.mayCreateUnder(actor, unit));
        model.addAttribute("mayRestructure", !unit.closed() && management.mayRestructure(actor, unit));
        model.addAttribute("kinds", UnitKind.values());
        model.addAttribute("systems", UnitSystem.values());
        model.addAttribute("today", management.today());
        return "organization/unit";
    }

    private Map<Long, String> parentNames(List<Unit> found) {
        Map<Long, String> names = new HashMap<>();
        for (Unit u : found) {
            if (u.parentId() != null) {
                names.computeIfAbsent(u.parentId(), p -> units.byId(p).map(Unit::shortName).orElse(""));
            }
        }
        return names;
    }

    // ------------------------------------------------------------------------------------------------- changes

    @PostMapping
    @PreAuthorize("isAuthenticated()")
    String createRoot(@AuthenticationPrincipal UnitActor actor, @RequestParam String name,
            @RequestParam(required = false) String shortName, @RequestParam(required = false) String code,
            @RequestParam(required = false) UnitKind kind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
            RedirectAttributes redirect) {
        return change(redirect, "/admin/units", () -> management.create(actor,
                new NewUnit(null, name, shortName, kind, null, code, validFrom)), "organization.flash.created");
    }

    @PostMapping("/{id}/children")
    @PreAuthorize("isAuthenticated()")
    String createChild(@AuthenticationPrincipal UnitActor actor, @PathVariable long id, @RequestParam String name,
            @RequestParam(required = false) String shortName, @RequestParam(required = false) String code,
            @RequestParam(required = false) UnitKind kind, @RequestParam(required = false) UnitSystem system,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
            RedirectAttributes redirect) {
        return change(redirect, "/admin/units/" + id, () -> management.create(actor,
                new NewUnit(id, name, shortName, kind, system, code, validFrom)), "organization.flash.created");
    }

    @PostMapping("/{id}/rename")
    @PreAuthorize("isAuthenticated()")
    String rename(@AuthenticationPrincipal UnitActor actor, @PathVariable long id, @RequestParam String name,
            @RequestParam(required = false) String shortName, @RequestParam(required = false) String code,
            @RequestParam UnitKind kind, @RequestParam(required = false) UnitSystem system,
            @RequestParam long version,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
            RedirectAttributes redirect) {
        return change(redirect, "/admin/units/" + id, () -> management.update(actor, id,
                new UnitChange(name, shortName, code, kind, system, version, effectiveFrom)),
                "organization.flash.renamed");
    }

    @PostMapping("/{id}/move")
    @PreAuthorize("isAuthenticated()")
    String move(@AuthenticationPrincipal UnitActor actor, @PathVariable long id, @RequestParam long parentId,
            @RequestParam long version,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
            RedirectAttributes redirect) {
        return change(redirect, "/admin/units/" + id,
                () -> management.move(actor, id, parentId, version, effectiveFrom), "organization.flash.moved");
    }

    @PostMapping("/{id}/close")
    @PreAuthorize("isAuthenticated()")
    String close(@AuthenticationPrincipal UnitActor actor, @PathVariable long id, @RequestParam long version,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate closedOn,
            RedirectAttributes redirect) {
        return change(redirect, "/admin/units/" + id, () -> management.close(actor, id, version, closedOn),
                "organization.flash.closed");
    }

    @PostMapping("/{id}/merge")
    @PreAuthorize("isAuthenticated()")
    String merge(@AuthenticationPrincipal UnitActor actor, @PathVariable long id, @RequestParam long successorId,
            @RequestParam long version,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveOn,
            RedirectAttributes redirect) {
        return change(redirect, "/admin/units/" + id,
                () -> management.merge(actor, id, successorId, version, effectiveOn), "organization.flash.merged");
    }

    @GetMapping("/import")
    @PreAuthorize("isAuthenticated()")
    String importForm(@AuthenticationPrincipal UnitActor actor, @RequestParam(required = false) Long parentId,
            Model model) {
        if (actor == null || actor.unitAuthority() == UnitActor.UnitAuthority.NONE) {
            // the form of a load the actor may never make, as the users' "new" form (RELIABILITY.md §(a))
            throw Problem.forbidden("FORBIDDEN", "Bạn không có quyền thực hiện thao tác này.");
        }
        model.addAttribute("parentId", parentId);
        return "organization/import";
    }

    @PostMapping("/import")
    @PreAuthorize("isAuthenticated()")
    String importFile(@AuthenticationPrincipal UnitActor actor, @RequestParam("file") MultipartFile file,
            @RequestParam(required = false) Long parentId, Model model) {
        model.addAttribute("parentId", parentId);
        model.addAttribute("filename", file.getOriginalFilename());
        try {
            BulkLoadResult result = management.bulkLoad(actor, file.getOriginalFilename(), UnitApi.bytes(file),
                    parentId);
            model.addAttribute("created", result.created());
            model.addAttribute("createdUnits", result.createdIds().stream().limit(200).map(units::get).toList());
        } catch (Problem problem) {
            if (problem.status() == 403 || problem.status() == 404) {
                throw problem;
            }
            model.addAttribute("error", say(problem));
            Object rows = problem.properties().get("rejectedRows");
            model.addAttribute("rejected", rows instanceof List<?> list ? list : List.<RejectedRow>of());
        }
        return "organization/import";
    }

    /**
     * Runs a change and sends the browser to where it belongs: to the changed unit with a message, or back with the
     * refusal in words. A 404 or 403 is not a form mistake: it goes to the error page, as in the API.
     */
    private String change(RedirectAttributes redirect, String back, Supplier<Unit> action, String doneKey) {
        try {
            Unit unit = action.get();
            redirect.addFlashAttribute("done", messages.getMessage(doneKey, new Object[] { unit.shortName() },
                    VIETNAMESE));
            return "redirect:/admin/units/" + unit.id();
        } catch (Problem problem) {
            if (problem.status() == 403 || problem.status() == 404) {
                throw problem;
            }
            redirect.addFlashAttribute("error", say(problem));
            return "redirect:" + back;
        }
    }

    private String say(Problem problem) {
        return messages.getMessage(problem.messageKey(), problem.args(), problem.defaultMessage(), VIETNAMESE);
    }
}
