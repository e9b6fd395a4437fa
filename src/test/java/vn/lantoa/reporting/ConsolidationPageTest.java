package vn.lantoa.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.lantoa.plan.PlanFixture.as;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import vn.lantoa.account.CurrentUser;
import vn.lantoa.activity.ReportingWorld;
import vn.lantoa.organization.NewUnit;
import vn.lantoa.organization.TestActor;
import vn.lantoa.organization.UnitKind;
import vn.lantoa.organization.UnitManagement;
import vn.lantoa.plan.PlanManagement;

/**
 * The consolidation page of a unit with many children (a province has about a hundred) lists the first
 * thirty of them and links to all ("Xem tất cả"), so a phone gets a short page and no child is out of reach.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ConsolidationPageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UnitManagement units;
    @Autowired
    PlanManagement plans;

    @Test
    void aUnitWithManyChildrenShowsTheFirstThirtyAndLinksToAll() throws Exception {
        ReportingWorld world = new ReportingWorld(units, plans);
        for (int i = 0; i < 30; i++) { // with the city and the district: 32 children
            units.create(TestActor.admin(), new NewUnit(world.province.id(), "Xã " + i + " " + world.token, null,
                    UnitKind.PARTY_COMMITTEE, null, null, LocalDate.of(2020, 1, 1)));
        }
        CurrentUser officer = ReportingWorld.officer(world.province);

        String page = mvc.perform(get("/plans/{id}/consolidation", world.plan).with(as(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(count(page, "data-unit-id=")).isEqualTo(30);
        assertThat(page).contains("Đang hiện 30 trên 32 đơn vị trực thuộc.").contains("Xem tất cả 32 đơn vị")
                .contains("allChildren=true");

        String all = mvc.perform(get("/plans/{id}/consolidation", world.plan).param("allChildren", "true")
                .with(as(officer))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(count(all, "data-unit-id=")).isEqualTo(32);
        assertThat(all).doesNotContain("children-more").contains("Thành ủy BC " + world.token)
                .contains("Huyện ủy BC " + world.token).contains("Xã 29 " + world.token);

        // a unit with few children: all of them, no link
        String city = mvc.perform(get("/plans/{id}/consolidation", world.plan)
                .param("unit", String.valueOf(world.city.id())).with(as(officer))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(count(city, "data-unit-id=")).isEqualTo(3);
        assertThat(city).doesNotContain("children-more");
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
