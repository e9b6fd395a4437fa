package vn.lantoa.schedule.web;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import vn.lantoa.schedule.CalendarFeeds;

/**
 * The iCalendar feed a phone subscribes to: no session, the secret in the URL is the credential (its own security
 * chain, {@link FeedSecurity}). An unknown or revoked secret is a bare 404, like a page that does not exist.
 */
@RestController
class CalendarFeedController {

    private static final MediaType CALENDAR = new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8);

    private final CalendarFeeds feeds;

    CalendarFeedController(CalendarFeeds feeds) {
        this.feeds = feeds;
    }

    @GetMapping(FeedSecurity.PREFIX + "{token}.ics")
    ResponseEntity<String> feed(@PathVariable String token) {
        return feeds.ics(token).map(ics -> ResponseEntity.ok().contentType(CALENDAR)
                .cacheControl(CacheControl.noStore()).body(ics))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8))
                        .body("404"));
    }
}
