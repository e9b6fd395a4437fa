package vn.lantoa.event.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.lantoa.account.CurrentUser;
import vn.lantoa.event.EventInput;
import vn.lantoa.event.EventManagement;
import vn.lantoa.event.EventRecord;
import vn.lantoa.shared.Problem;

/**
 * The events screens: the list of the events the user sees, and one event with its dates to set (journey 5: the
 * administrator sets the date of the city's congress). Dates are typed dd/MM/yyyy; an empty field is "not known yet".
 */
@Controller
@RequestMapping("/events")
class EventPages {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private final EventManagement events;
    private final Clock clock;

    EventPages(EventManagement events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @GetMapping
    String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "false") boolean subtree, Model model) {
        int year = LocalDate.now(clock.withZone(ZoneId.of("Asia/Ho_Chi_Minh"))).getYear();
        model.addAttribute("events", events.list(user, subtree, null, q, EventManagement.MAX_LIST).stream()
                .map(e -> EventView.of(e, year)).toList());
        model.addAttribute("q", q);
        model.addAttribute("subtree", subtree);
        return "event/events";
    }

    @GetMapping("/{id}")
    String show(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        EventRecord event = events.get(user, id);
        int year = LocalDate.now(clock.withZone(ZoneId.of("Asia/Ho_Chi_Minh"))).getYear();
        model.addAttribute("event", EventView.of(event, year));
        model.addAttribute("writable", events.mayWrite(user, event));
        if (!model.containsAttribute("start")) {
            model.addAttribute("start", event.start() == null ? "" : DAY.format(event.start()));
            model.addAttribute("end", event.end() == null ? "" : DAY.format(event.end()));
        }
        return "event/event";
    }

    /** Sets the name and dates. 404 and 403 as the API; a stale version or a bad date goes back to the form. */
    @PostMapping("/{id}")
    String save(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @RequestParam String name,
            @RequestParam(required = false) String start, @RequestParam(required = false) String end,
            @RequestParam long version, RedirectAttributes redirect) {
        EventRecord current = events.get(user, id);
        try {
            events.update(user, id, new EventInput(name, current.kind(), null, null, current.level(),
                    current.ordinal(), day(start), day(end), current.baseDate(), version), null);
            redirect.addFlashAttribute("saved", true);
        } catch (Problem p) {
            if (p.status() != 400 && p.status() != 409) {
                throw p;
            }
            redirect.addFlashAttribute("error", p.code());
            redirect.addFlashAttribute("start", start);
            redirect.addFlashAttribute("end", end);
        }
        return "redirect:/events/" + id;
    }

    private static LocalDate day(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip(), DAY);
        } catch (DateTimeParseException e) {
            throw new Problem(400, "EVENT_INVALID", "Ngày phải viết dạng dd/MM/yyyy, ví dụ 14/10/2025.",
                    java.util.Map.of("field", "date"));
        }
    }
}
