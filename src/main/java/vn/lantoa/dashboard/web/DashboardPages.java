package vn.lantoa.dashboard.web;

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
import org.springframework.web.bind.annotation.RequestParam;

import vn.lantoa.account.CurrentUser;
import vn.lantoa.dashboard.Dashboard;
import vn.lantoa.dashboard.Dashboards;
import vn.lantoa.plan.PlanManagement;
import vn.lantoa.plan.PlanStatus;

/**
 * The dashboard page: one plan, one unit; charts as inline SVG with their tables, printable on A4, readable on a
 * phone. Without a plan: the plans to choose from.
 */
@Controller
class DashboardPages {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    /**
     * At most this many deadlines on the page (the earliest first; the JSON has them all): a province whose hundred
     * units are late on several periods has hundreds, which no one reads at a glance and which cost the page its
     * budget to draw (W9: 767 at a province of the 10 M data set, several hundred ms).
     */
    static final int PAGE_DEADLINES = 30;
    /** The colours of the four report states and of the cascade's states (classes of static/css/dashboard.css). */
    static final List<String> REPORT_CSS = List.of("lt-c-ontime", "lt-c-late", "lt-c-progress", "lt-c-overdue");
    static final List<String> CASCADE_CSS = List.of("lt-c-ontime", "lt-c-late", "lt-c-progress", "lt-c-overdue");

    private final Dashboards dashboards;
    private final PlanManagement plans;
    private final MessageSource messages;

    DashboardPages(Dashboards dashboards, PlanManagement plans, MessageSource messages) {
        this.dashboards = dashboards;
        this.plans = plans;
        this.messages = messages;
    }

    @GetMapping("/dashboard")
    @PreAuthorize("isAuthenticated()")
    String dashboard(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long plan,
            @RequestParam(required = false) Long unit, Model model) {
        model.addAttribute("plans", plans.list(user, PlanStatus.ISSUED, null, PlanManagement.MAX_LIST));
        if (plan == null) {
            return "dashboard/dashboard";
        }
        Dashboard d = dashboards.of(user, plan, unit);
        model.addAttribute("d", d);
        model.addAttribute("deadlines", d.deadlines().subList(0, Math.min(PAGE_DEADLINES, d.deadlines().size())));
        model.addAttribute("moreDeadlines", Math.max(0, d.deadlines().size() - PAGE_DEADLINES));
        Dashboard.Cascade c = d.cascade();
        model.addAttribute("cascadeChart", Charts.stacks(List.of(say("dashboard.cascade.row")),
                List.of(new long[] {c.onTime(), c.late(), c.draft(), c.missing()}), CASCADE_CSS));
        List<String> periodLabels = new ArrayList<>();
        List<long[]> periodStates = new ArrayList<>();
        List<Charts.Value> periodActivities = new ArrayList<>();
        for (Dashboard.Period p : d.periods()) {
            periodLabels.add(p.label());
            Dashboard.Compliance r = p.reports();
            periodStates.add(new long[] {r.doneOnTime(), r.doneLate(), r.inProgress(), r.overdue()});
            periodActivities.add(new Charts.Value(p.label(), p.activities()));
        }
        model.addAttribute("reportsChart", Charts.stacks(periodLabels, periodStates, REPORT_CSS));
        model.addAttribute("periodsChart", Charts.bars(periodActivities));
        model.addAttribute("periodTable", table(d.periods().stream().map(Dashboard.Period::label).toList(),
                d.periods().stream().map(Dashboard.Period::figures).toList()));
        model.addAttribute("monthsChart", Charts.line(d.months().stream()
                .map(m -> new Charts.Value(m.label(), m.activities())).toList()));
        model.addAttribute("monthTable", table(d.months().stream().map(Dashboard.Month::label).toList(),
                d.months().stream().map(Dashboard.Month::figures).toList()));
        Map<String, Long> perChannel = new LinkedHashMap<>();
        d.months().forEach(m -> m.figures().stream().filter(f -> f.indicator().isEmpty())
                .forEach(f -> perChannel.merge(f.channel(), f.quantity(), Long::sum)));
        model.addAttribute("channelsChart", Charts.bars(perChannel.entrySet().stream()
                .map(e -> new Charts.Value(channel(e.getKey()), e.getValue())).toList()));
        model.addAttribute("phasesChart", Charts.bars(d.phases().stream().map(p -> new Charts.Value(
                p.label().isEmpty() ? say("dashboard.phase.none") : p.label(), p.activities())).toList()));
        model.addAttribute("childrenChart", Charts.bars(d.children().stream()
                .map(ch -> new Charts.Value(ch.unitName(), ch.activities())).toList()));
        return "dashboard/dashboard";
    }

    /** A table of figures: one row per channel and indicator, one column per period or month. */
    record Table(List<String> columns, List<Row> rows) {
    }

    /** A row of a {@link Table}. */
    record Row(String channel, String name, String unitLabel, List<Long> values, long total) {
    }

    private Table table(List<String> columns, List<List<Dashboard.Figure>> figures) {
        Map<String, Row> rows = new java.util.TreeMap<>();
        for (int i = 0; i < figures.size(); i++) {
            for (Dashboard.Figure f : figures.get(i)) {
                String key = f.channel() + "/" + f.indicator();
                Row row = rows.computeIfAbsent(key, k -> new Row(channel(f.channel()), f.name(), f.unitLabel(),
                        new ArrayList<>(java.util.Collections.nCopies(columns.size(), 0L)), 0));
                row.values().set(i, row.values().get(i) + f.quantity());
            }
        }
        List<Row> list = rows.values().stream().map(r -> new Row(r.channel(), r.name(), r.unitLabel(), r.values(),
                r.values().stream().mapToLong(Long::longValue).sum())).toList();
        return new Table(columns, list);
    }

    private String channel(String code) {
        return messages.getMessage("activity.channel." + code, null, code, VIETNAMESE);
    }

    private String say(String key) {
        return messages.getMessage(key, null, VIETNAMESE);
    }
}
