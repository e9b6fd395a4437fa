package vn.lantoa.cascade.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import vn.lantoa.account.CurrentUser;
import vn.lantoa.cascade.TaskManagement;
import vn.lantoa.cascade.UnitTask;
import vn.lantoa.cascade.ZaloText;
import vn.lantoa.organization.Units;

/** "Nhiệm vụ": the tasks of the user's unit (or of a unit below it), grouped by timing or by plan. */
@Controller
class TaskPages {

    private final TaskManagement tasks;
    private final Units units;

    TaskPages(TaskManagement tasks, Units units) {
        this.tasks = tasks;
        this.units = units;
    }

    @GetMapping("/tasks")
    @PreAuthorize("isAuthenticated()")
    String tasks(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long unit,
            @RequestParam(defaultValue = "timing") String by, Model model) {
        long unitId = unit == null ? user.unitId() : unit;
        List<UnitTask> list = tasks.forUnit(user, unitId);
        Map<String, List<UnitTask>> groups = new LinkedHashMap<>();
        if (by.equals("plan")) {
            list.forEach(t -> groups.computeIfAbsent(t.planSymbol() == null ? "—" : t.planSymbol(),
                    k -> new java.util.ArrayList<>()).add(t));
        } else {
            for (String timing : List.of("OVERDUE", "DUE_SOON", "UPCOMING", "NO_DUE", "DONE", "CANCELLED")) {
                List<UnitTask> of = list.stream().filter(t -> t.timing().equals(timing)).collect(Collectors.toList());
                if (!of.isEmpty()) {
                    groups.put(timing, of);
                }
            }
        }
        vn.lantoa.organization.Unit unitOf = units.get(unitId);
        String link = ServletUriComponentsBuilder.fromCurrentContextPath().path("/tasks").queryParam("unit", unitId)
                .toUriString();
        Map<Long, String> zalo = new java.util.HashMap<>();
        list.forEach(t -> zalo.put(t.id(), ZaloText.task(unitOf.name(), t.planSymbol(), t.text(), t.dueOn(),
                t.dueText(), link)));
        model.addAttribute("zalo", zalo);
        model.addAttribute("unit", unitOf);
        model.addAttribute("by", by.equals("plan") ? "plan" : "timing");
        model.addAttribute("groups", groups);
        model.addAttribute("count", list.size());
        return "cascade/tasks";
    }

    @PostMapping("/tasks/{id}/done")
    @PreAuthorize("isAuthenticated()")
    String done(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) String note) {
        UnitTask task = tasks.markDone(user, id, note);
        return "redirect:/tasks?unit=" + task.unitId() + "&done=" + id;
    }
}
