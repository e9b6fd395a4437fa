package vn.lantoa.plan.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.lantoa.account.CurrentUser;
import vn.lantoa.organization.Units;
import vn.lantoa.plan.PlanManagement;
import vn.lantoa.plan.PlanStatus;
import vn.lantoa.plan.StoredPlan;

/**
 * The plan pages: the list of plans the user may see ({@code /plans}, search without diacritics, filter by status)
 * and the read view of one ({@code /plans/{id}}). Same rules as the API: a plan the user may not see is "not found".
 */
@Controller
@RequestMapping("/plans")
class PlanPages {

    static final int LIST_LIMIT = 200;

    private final PlanManagement management;
    private final Units units;
    private final MessageSource messages;

    PlanPages(PlanManagement management, Units units, MessageSource messages) {
        this.management = management;
        this.units = units;
        this.messages = messages;
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String q,
            @RequestParam(required = false) PlanStatus status, Model model, Locale locale) {
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("status", status);
        model.addAttribute("statuses", PlanStatus.values());
        model.addAttribute("plans", management.list(user, status, q, LIST_LIMIT));
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
        return "plan/plan";
    }
}
