package vn.lantoa.schedule.web;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import vn.lantoa.account.CurrentUser;
import vn.lantoa.schedule.CalendarEntry;
import vn.lantoa.schedule.CalendarFeeds;
import vn.lantoa.schedule.CalendarSheet;
import vn.lantoa.schedule.Schedule;

/** The calendar screen: a month as a grid (wide screens) and as a list (always on a phone), and the feed's controls. */
@Controller
@RequestMapping("/schedule")
class SchedulePages {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    /** One day of the grid. */
    record Day(LocalDate date, boolean inMonth, boolean today, List<CalendarEntry> entries) {
    }

    /** One day of the list, with what is on it. */
    record ListDay(LocalDate date, List<CalendarEntry> entries) {
    }

    private final Schedule schedule;
    private final CalendarFeeds feeds;
    private final Clock clock;

    SchedulePages(Schedule schedule, CalendarFeeds feeds, Clock clock) {
        this.schedule = schedule;
        this.feeds = feeds;
        this.clock = clock;
    }

    @GetMapping
    String calendar(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String month,
            @RequestParam(defaultValue = "false") boolean subtree, @RequestParam(defaultValue = "month") String view,
            Model model) {
        LocalDate today = LocalDate.now(clock.withZone(ZONE));
        YearMonth shown = parse(month, YearMonth.from(today));
        LocalDate first = shown.atDay(1);
        LocalDate last = shown.atEndOfMonth();
        CalendarSheet sheet = schedule.forUser(user, first, last, subtree);
        List<List<Day>> weeks = new ArrayList<>();
        LocalDate day = first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate end = last.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        while (!day.isAfter(end)) {
            List<Day> week = new ArrayList<>();
            for (int i = 0; i < 7; i++, day = day.plusDays(1)) {
                week.add(new Day(day, !day.isBefore(first) && !day.isAfter(last), day.equals(today), sheet.on(day)));
            }
            weeks.add(week);
        }
        List<ListDay> days = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            List<CalendarEntry> on = sheet.on(d);
            if (!on.isEmpty()) {
                days.add(new ListDay(d, on));
            }
        }
        model.addAttribute("month", shown);
        model.addAttribute("monthLabel", String.format("%02d/%d", shown.getMonthValue(), shown.getYear()));
        model.addAttribute("previous", shown.minusMonths(1));
        model.addAttribute("next", shown.plusMonths(1));
        model.addAttribute("subtree", subtree);
        model.addAttribute("listView", "list".equals(view));
        model.addAttribute("weeks", weeks);
        model.addAttribute("days", days);
        model.addAttribute("sheet", sheet);
        model.addAttribute("unitName", user.unitShortName());
        model.addAttribute("feedLive", feeds.live(user).isPresent());
        return "schedule/calendar";
    }

    @PostMapping("/feed")
    String createFeed(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "false") boolean subtree,
            RedirectAttributes redirect) {
        CalendarFeeds.NewFeed feed = feeds.create(user, subtree);
        redirect.addFlashAttribute("feedUrl", ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/schedule/ics/" + feed.token() + ".ics").toUriString());
        return "redirect:/schedule";
    }

    @PostMapping("/feed/revoke")
    String revokeFeed(@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        redirect.addFlashAttribute("feedRevoked", feeds.revoke(user));
        return "redirect:/schedule";
    }

    private static YearMonth parse(String month, YearMonth fallback) {
        if (month == null || month.isBlank()) {
            return fallback;
        }
        try {
            YearMonth m = YearMonth.parse(month.strip());
            return m.getYear() < 1900 || m.getYear() > 2200 ? fallback : m;
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }
}
