package vn.lantoa.activity.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.WebUtils;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.lantoa.account.CurrentUser;
import vn.lantoa.activity.Activity;
import vn.lantoa.activity.ActivityManagement;
import vn.lantoa.activity.BulkActivities;
import vn.lantoa.activity.Indicator;
import vn.lantoa.activity.Indicators;
import vn.lantoa.planformat.ChannelKind;
import vn.lantoa.shared.Problem;

/** The activity pages: the list of the subtree's activities and the form to record one (works on a phone). */
@Controller
@RequestMapping("/activities")
class ActivityPages {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final ActivityManagement activities;
    private final Indicators indicators;
    private final BulkActivities bulk;
    private final MessageSource messages;

    ActivityPages(ActivityManagement activities, Indicators indicators, BulkActivities bulk, MessageSource messages) {
        this.activities = activities;
        this.indicators = indicators;
        this.bulk = bulk;
        this.messages = messages;
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long plan, Model model) {
        model.addAttribute("activities", activities.list(user, plan, null, null, null, 200));
        model.addAttribute("plan", plan);
        model.addAttribute("mayRecord", ActivityManagement.mayWrite(user));
        model.addAttribute("plans", activities.recordablePlans(user));
        return "activity/activities";
    }

    /**
     * Nhập từ Excel: a filled template; all rows or none. A refusal shows the list again with every wrong row, its
     * column and what is wrong; the same file again is asked about (the box "Vẫn ghi nhận lại").
     */
    @PostMapping("/bulk")
    @PreAuthorize("isAuthenticated()")
    String bulk(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long planId,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(defaultValue = "false") boolean again, HttpServletResponse response, Model model,
            RedirectAttributes redirect) throws java.io.IOException {
        try {
            BulkActivities.Result result = bulk.upload(user, ActivityApi.required(planId),
                    file == null ? null : file.getOriginalFilename(), ActivityApi.bytes(file), again);
            redirect.addFlashAttribute("done", messages.getMessage("activity.bulk.recorded",
                    new Object[] {result.recorded()}, VIETNAMESE));
            return "redirect:/activities?plan=" + planId;
        } catch (Problem problem) {
            if (problem.status() == 403 || problem.status() == 404) {
                throw problem;
            }
            response.setStatus(problem.status());
            model.addAttribute("bulkError", messages.getMessage(problem.messageKey(), problem.args(),
                    problem.defaultMessage(), VIETNAMESE));
            model.addAttribute("bulkErrors", problem.properties().getOrDefault("errors", List.of()));
            model.addAttribute("bulkDuplicate", problem.code().equals("ACTIVITY_BULK_DUPLICATE"));
            model.addAttribute("bulkPlan", planId);
            return list(user, planId, model);
        }
    }

    @GetMapping("/new")
    @PreAuthorize("isAuthenticated()")
    String form(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long plan, Model model) {
        if (!ActivityManagement.mayWrite(user)) {
            throw Problem.forbidden("FORBIDDEN", "Bạn không có quyền thực hiện thao tác này.");
        }
        Map<String, String> values = new LinkedHashMap<>();
        if (plan != null) {
            values.put("planId", String.valueOf(plan));
        }
        return form(user, model, values);
    }

    @PostMapping
    @PreAuthorize("isAuthenticated()")
    String record(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request, HttpServletResponse response,
            Model model, RedirectAttributes redirect) {
        List<ActivityManagement.Upload> uploads = new ArrayList<>();
        MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        if (multipart != null) {
            multipart.getMultiFileMap().values().forEach(files -> files.stream()
                    .filter(f -> f != null && f.getSize() > 0).forEach(f -> uploads.add(ActivityApi.upload(f))));
        }
        try {
            Activity created = activities.record(user, ActivityForm.read(request.getParameterMap()), uploads);
            redirect.addFlashAttribute("done", messages.getMessage("activity.flash.recorded",
                    new Object[] {created.title()}, VIETNAMESE));
            return "redirect:/activities?plan=" + created.planId();
        } catch (Problem problem) {
            if (problem.status() == 403 || problem.status() == 404) {
                throw problem;
            }
            Map<String, String> values = new LinkedHashMap<>();
            request.getParameterMap().forEach((k, v) -> values.put(k, v.length > 0 ? v[0] : ""));
            model.addAttribute("error", messages.getMessage(problem.messageKey(), problem.args(),
                    problem.defaultMessage(), VIETNAMESE));
            response.setStatus(problem.status());
            return form(user, model, values);
        }
    }

    private String form(CurrentUser user, Model model, Map<String, String> values) {
        model.addAttribute("plans", activities.recordablePlans(user));
        Map<ChannelKind, List<Indicator>> byChannel = new LinkedHashMap<>();
        for (ChannelKind kind : ChannelKind.values()) {
            byChannel.put(kind, new ArrayList<>());
        }
        indicators.all().stream().filter(Indicator::active).forEach(i -> byChannel.get(i.channel()).add(i));
        model.addAttribute("channels", byChannel);
        model.addAttribute("values", values);
        return "activity/form";
    }
}
