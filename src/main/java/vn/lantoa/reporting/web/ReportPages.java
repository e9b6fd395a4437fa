package vn.lantoa.reporting.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
import vn.lantoa.account.CurrentUser;
import vn.lantoa.reporting.Consolidation;
import vn.lantoa.reporting.Report;
import vn.lantoa.reporting.ReportManagement;
import vn.lantoa.shared.Problem;

/**
 * The report page (draft from activities, the sections, submit; return or accept for the receiving body) and the
 * consolidation page with its charts (CSS bars, printable).
 */
@Controller
class ReportPages {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    /** Children listed on the consolidation page before "Xem tất cả". */
    static final int CHILDREN_SHOWN = 30;

    private final ReportManagement reports;
    private final MessageSource messages;

    ReportPages(ReportManagement reports, MessageSource messages) {
        this.reports = reports;
        this.messages = messages;
    }

    @GetMapping("/reports")
    @PreAuthorize("isAuthenticated()")
    String find(@AuthenticationPrincipal CurrentUser user, @RequestParam long plan,
            @RequestParam(required = false) Long unit, @RequestParam(required = false) String period, Model model) {
        return page(user, reports.find(user, plan, unit, period), model);
    }

    @GetMapping("/reports/{id}")
    @PreAuthorize("isAuthenticated()")
    String get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        return page(user, reports.get(user, id), model);
    }

    @PostMapping("/reports/{id}")
    @PreAuthorize("isAuthenticated()")
    String save(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) Long version, @RequestParam(required = false) String results,
            @RequestParam(required = false) String shortcomings, @RequestParam(required = false) String proposals,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            reports.save(user, id, version, results, shortcomings, proposals);
            redirect.addFlashAttribute("done", say("reporting.flash.saved"));
            return "redirect:/reports/" + id;
        } catch (Problem problem) {
            if (problem.status() == 403 || problem.status() == 404) {
                throw problem;
            }
            // the texts typed stay on the page beside the saved ones: nothing is lost
            response.setStatus(problem.status());
            model.addAttribute("error", say(problem));
            model.addAttribute("typed", Map.of("results", results == null ? "" : results,
                    "shortcomings", shortcomings == null ? "" : shortcomings,
                    "proposals", proposals == null ? "" : proposals));
            return page(user, reports.get(user, id), model);
        }
    }

    @PostMapping("/reports/{id}/submit")
    @PreAuthorize("isAuthenticated()")
    String submit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) String idempotencyKey, RedirectAttributes redirect) {
        return change(redirect, id, () -> reports.submit(user, id, idempotencyKey), "reporting.flash.submitted");
    }

    @PostMapping("/reports/{id}/return")
    @PreAuthorize("isAuthenticated()")
    String returnReport(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        return change(redirect, id, () -> reports.returnReport(user, id, comment, null), "reporting.flash.returned");
    }

    @PostMapping("/reports/{id}/accept")
    @PreAuthorize("isAuthenticated()")
    String accept(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        return change(redirect, id, () -> reports.accept(user, id, comment, null), "reporting.flash.accepted");
    }

    @GetMapping("/plans/{id}/consolidation")
    @PreAuthorize("isAuthenticated()")
    String consolidation(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) String period, @RequestParam(required = false) Long unit,
            @RequestParam(defaultValue = "false") boolean allChildren, Model model) {
        // the page shows each child's number of activities (its indicators: drill down, or the XLSX export)
        Consolidation c = reports.consolidation(user, id, unit, period, false);
        model.addAttribute("c", c);
        // a province has about a hundred children: the first ones, then a link to all (a phone's page stays short)
        model.addAttribute("childLimit", allChildren ? c.children().size() : CHILDREN_SHOWN);
        model.addAttribute("channelBars", Bars.perChannel(c.live()));
        model.addAttribute("childBars", Bars.perChild(c.children()));
        long onTime = c.children().stream().filter(ch -> Boolean.TRUE.equals(ch.report().onTime())
                && !c.notReported().contains(ch.unitId())).count();
        model.addAttribute("compliance", new long[] {onTime, c.late().size(), c.notReported().size(),
                c.children().size()});
        return "reporting/consolidation";
    }

    private String page(CurrentUser user, Report report, Model model) {
        model.addAttribute("r", report);
        boolean own = report.unitId() == user.unitId() && writer(user);
        boolean editable = own && report.id() != null && (report.status() == Report.Status.DRAFT
                || report.status() == Report.Status.RETURNED);
        model.addAttribute("editable", editable);
        model.addAttribute("reviewer", writer(user) && report.receiverUnitId() != null
                && report.receiverUnitId() == user.unitId() && report.status() == Report.Status.SUBMITTED);
        // one key per rendering of the form: a double click sends it twice and submits once
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", Map.of());
        }
        return "reporting/report";
    }

    private static boolean writer(CurrentUser user) {
        return user.role() == vn.lantoa.account.Role.OFFICER || user.role() == vn.lantoa.account.Role.UNIT_ADMIN;
    }

    private String change(RedirectAttributes redirect, long id, java.util.function.Supplier<Report> action,
            String doneKey) {
        try {
            action.get();
            redirect.addFlashAttribute("done", say(doneKey));
        } catch (Problem problem) {
            if (problem.status() == 403 || problem.status() == 404) {
                throw problem;
            }
            redirect.addFlashAttribute("error", say(problem));
        }
        return "redirect:/reports/" + id;
    }

    private String say(String key) {
        return messages.getMessage(key, null, VIETNAMESE);
    }

    private String say(Problem problem) {
        return messages.getMessage(problem.messageKey(), problem.args(), problem.defaultMessage(), VIETNAMESE);
    }

    /** Bars of a chart drawn with CSS widths: a label, a value, its share of the largest in percent. */
    record Bar(String label, long value, int percent) {
    }

    static final class Bars {
        private Bars() {
        }

        static List<Bar> perChannel(List<Consolidation.Line> lines) {
            List<Consolidation.Line> counts = lines.stream().filter(l -> l.indicator().isEmpty()).toList();
            long max = counts.stream().mapToLong(Consolidation.Line::quantity).max().orElse(1);
            return counts.stream().map(l -> new Bar(l.channel(), l.quantity(),
                    (int) Math.round(100.0 * l.quantity() / Math.max(1, max)))).toList();
        }

        static List<Bar> perChild(List<Consolidation.Child> children) {
            List<long[]> values = children.stream().map(ch -> new long[] {ch.live().stream()
                    .filter(l -> l.indicator().isEmpty()).mapToLong(Consolidation.Line::quantity).sum()}).toList();
            long max = values.stream().mapToLong(v -> v[0]).max().orElse(1);
            java.util.ArrayList<Bar> bars = new java.util.ArrayList<>();
            for (int i = 0; i < children.size(); i++) {
                long v = values.get(i)[0];
                bars.add(new Bar(children.get(i).unitName(), v, (int) Math.round(100.0 * v / Math.max(1, max))));
            }
            return bars;
        }
    }
}
