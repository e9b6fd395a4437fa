package vn.lantoa.activity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.lantoa.plan.PlanFixture.as;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import vn.lantoa.account.CurrentUser;
import vn.lantoa.activity.ReportingWorld;
import vn.lantoa.organization.UnitManagement;
import vn.lantoa.plan.PlanManagement;

/**
 * B-EV-10: a flood of uploads from one user gets 429 with Retry-After and a Vietnamese message after the configured
 * limit; what was uploaded before stays; another user is not affected; the window frees up as time passes.
 */
@SpringBootTest
@AutoConfigureMockMvc
class UploadRateLimitTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UploadRateLimit limit;
    @Autowired
    UnitManagement units;
    @Autowired
    PlanManagement plans;
    @Autowired
    JdbcClient jdbc;

    MockMultipartHttpServletRequestBuilder activity(ReportingWorld world, String title, boolean photo) {
        MockMultipartHttpServletRequestBuilder request = multipart("/api/v1/activities");
        request.param("planId", String.valueOf(world.plan)).param("title", title).param("channel", "oral")
                .param("startsOn", "10/02/2025");
        if (photo) {
            request.file(new MockMultipartFile("files", "anh.png", "image/png", ReportingWorld.photo("png", 40, 30)));
        }
        return request;
    }

    @Test
    void aFloodFromOneUserIsStoppedAfterTheLimitAndEarlierUploadsStay() throws Exception {
        ReportingWorld world = new ReportingWorld(units, plans);
        CurrentUser flooder = ReportingWorld.officer(world.ward1);
        for (int i = 0; i < 3; i++) {
            mvc.perform(activity(world, "Trước " + i + " " + world.token, true).with(as(flooder)).with(csrf()))
                    .andExpect(status().isCreated());
        }
        // every attempt counts, a refused one too (here: no title)
        for (int i = 3; i < limit.max(); i++) {
            mvc.perform(activity(world, "", false).with(as(flooder)).with(csrf())).andExpect(status().isBadRequest());
        }
        mvc.perform(activity(world, "Quá " + world.token, true).with(as(flooder)).with(csrf()))
                .andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.code").value("UPLOAD_RATE_LIMITED"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Hãy thử lại sau")));
        // the bulk route is an upload too
        mvc.perform(multipart("/api/v1/activities/bulk").file(new MockMultipartFile("file", "a.xlsx",
                "application/octet-stream", new byte[] {1})).param("planId", String.valueOf(world.plan))
                .with(as(flooder)).with(csrf())).andExpect(status().isTooManyRequests());
        assertThat(jdbc.sql("select count(*) from activity where title like :t").param("t", "Trước %" + world.token)
                .query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from activity where title = :t").param("t", "Quá " + world.token)
                .query(Long.class).single()).isZero();
        // another officer of the same unit uploads as usual
        mvc.perform(activity(world, "Người khác " + world.token, false).with(as(ReportingWorld.officer(world.ward1)))
                .with(csrf())).andExpect(status().isCreated());
    }

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-03-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void theLimitAndTheWindowAreConfigurableAndTheWindowSlides() {
        TestClock clock = new TestClock();
        UploadRateLimit three = new UploadRateLimit(3, Duration.ofSeconds(10), clock, null);
        assertThat(three.acquire(1)).isZero();
        clock.now = clock.now.plusSeconds(4);
        assertThat(three.acquire(1)).isZero();
        assertThat(three.acquire(1)).isZero();
        assertThat(three.acquire(2)).as("another user").isZero();
        // the fourth within 10 s waits until the first leaves the window: 6 s
        assertThat(three.acquire(1)).isEqualTo(6);
        clock.now = clock.now.plusSeconds(6);
        assertThat(three.acquire(1)).isZero();
        assertThat(three.acquire(1)).isEqualTo(4);
    }
}
