package vn.lantoa.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static vn.lantoa.plan.PlanFixture.as;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.json.JsonMapper;
import vn.lantoa.account.CurrentUser;
import vn.lantoa.organization.Unit;
import vn.lantoa.organization.UnitManagement;
import vn.lantoa.plan.PlanManagement;
import vn.lantoa.reporting.ActivityTotals;
import vn.lantoa.reporting.PlanPeriods;

/**
 * Many officers recording at once (their recordings committed in groups): each gets its own activity once, the audit
 * names the officer who recorded each one (not whoever's request happened to write the group), and the province's
 * live counters equal a recomputation from the recorded rows.
 */
@SpringBootTest
@AutoConfigureMockMvc
class GroupedRecordingApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UnitManagement units;
    @Autowired
    PlanManagement plans;
    @Autowired
    ActivityTotals totals;
    @Autowired
    PlanPeriods periods;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void anOfficerOfAClosedUnitRecordsNothingAndIsToldWhy() throws Exception {
        ReportingWorld world = new ReportingWorld(units, plans);
        CurrentUser officer = ReportingWorld.officer(world.ward3); // signed in before the unit closed
        units.close(vn.lantoa.organization.TestActor.admin(), world.ward3.id(), world.ward3.version(),
                LocalDate.now());
        MvcResult result = mvc.perform(multipart("/api/v1/activities").param("planId", String.valueOf(world.plan))
                .param("title", "Sau khi giải thể " + world.token).param("channel", "oral")
                .param("startsOn", "10/02/2025").param("output.attendees", "5").with(as(officer)).with(csrf()))
                .andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(409);
        assertThat(result.getResponse().getContentAsString()).contains("ACTIVITY_UNIT_CLOSED")
                .contains("đã giải thể hoặc sáp nhập");
        assertThat(jdbc.sql("select count(*) from activity where plan_id = :p").param("p", world.plan)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from activity_total where plan_id = :p").param("p", world.plan)
                .query(Long.class).single()).isZero();
    }

    @Test
    void concurrentRecordingsAreEachWrittenOnceAuditedAsTheirOfficerAndCounted() throws Exception {
        ReportingWorld world = new ReportingWorld(units, plans);
        List<Unit> recorders = List.of(world.ward1, world.ward2, world.ward3, world.city, world.district,
                world.province);
        List<CurrentUser> officers = recorders.stream().map(ReportingWorld::officer).toList();
        ExecutorService clients = Executors.newFixedThreadPool(12);
        List<Future<long[]>> posted = new ArrayList<>();
        try {
            for (int i = 0; i < 60; i++) {
                CurrentUser officer = officers.get(i % officers.size());
                int n = i;
                posted.add(clients.submit((Callable<long[]>) () -> {
                    MvcResult result = mvc.perform(multipart("/api/v1/activities")
                            .param("planId", String.valueOf(world.plan))
                            .param("title", "Hoạt động " + n + " " + world.token)
                            .param("channel", n % 2 == 0 ? "oral" : "visual")
                            .param("startsOn", "10/02/2025")
                            .param(n % 2 == 0 ? "output.attendees" : "output.banners", String.valueOf(n + 1))
                            .with(as(officer)).with(csrf())).andReturn();
                    assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString())
                            .isEqualTo(201);
                    return new long[] {json.readTree(result.getResponse().getContentAsString()).get("id").asLong(),
                            officer.id()};
                }));
            }
            for (Future<long[]> f : posted) {
                long[] recorded = f.get(60, TimeUnit.SECONDS);
                List<Long> auditedAs = jdbc.sql("select user_id from audit_entry where action = 'ACTIVITY_RECORDED' "
                        + "and object_type = 'activity' and object_id = :id").param("id", String.valueOf(recorded[0]))
                        .query(Long.class).list();
                assertThat(auditedAs).as("audit of activity %d", recorded[0]).containsExactly(recorded[1]);
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from activity where plan_id = :p").param("p", world.plan)
                .query(Long.class).single()).isEqualTo(60L);

        String period = periods.scheme(world.plan).containing(LocalDate.of(2025, 2, 10)).orElseThrow().id();
        Map<String, Long> counters = new TreeMap<>();
        totals.subtree(world.plan, period, world.province.id()).forEach(f -> {
            if (f.quantity() != 0) {
                counters.put(f.channel() + "/" + f.indicator(), f.quantity());
            }
        });
        Map<String, Long> recomputed = new TreeMap<>();
        jdbc.sql("select channel, count(*) from activity where plan_id = :p group by channel").param("p", world.plan)
                .query(rs -> {
                    recomputed.put(rs.getString(1) + "/", rs.getLong(2));
                });
        jdbc.sql("select a.channel, o.indicator_code, sum(o.quantity) from activity a join activity_output o on "
                + "o.activity_id = a.id where a.plan_id = :p group by a.channel, o.indicator_code")
                .param("p", world.plan).query(rs -> {
                    recomputed.put(rs.getString(1) + "/" + rs.getString(2), rs.getLong(3));
                });
        assertThat(counters).isEqualTo(recomputed).containsEntry("oral/", 30L).containsEntry("visual/", 30L)
                .containsEntry("oral/attendees", 900L); // 1 + 3 + ... + 59
    }
}
