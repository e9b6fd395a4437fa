package vn.lantoa.plan.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.lantoa.plan.PlanFixture.as;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;
import vn.lantoa.account.CurrentUser;
import vn.lantoa.account.Role;
import vn.lantoa.organization.UnitManagement;
import vn.lantoa.plan.PlanFixture;

/** The plan list and read view, in Vietnamese, dates dd/MM/yyyy, text escaped, and the same visibility as the API. */
@SpringBootTest
@AutoConfigureMockMvc
class PlanPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UnitManagement units;

    @Test
    void theListAndTheReadViewShowWhatTheUserMaySee() throws Exception {
        PlanFixture tree = new PlanFixture(units);
        CurrentUser officer = PlanFixture.user(tree.own, Role.OFFICER);
        String body = PlanApiTest.PLAN.replace("TOKEN", tree.token + " <script>alert(1)</script>");
        String created = mvc.perform(post("/api/v1/plans").with(as(officer)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = JsonMapper.builder().build().readTree(created).get("id").longValue();

        mvc.perform(get("/plans").param("q", "tuyen truyen ky niem " + tree.token).with(as(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/plans/" + id)))
                .andExpect(content().string(containsString("354-KH/TU")))
                .andExpect(content().string(containsString("Dự thảo")))
                .andExpect(content().string(containsString("ngày 10/01/2025")))
                .andExpect(content().string(containsString("&lt;script&gt;")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))));
        mvc.perform(get("/plans/" + id).with(as(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("KẾ HOẠCH")))
                .andExpect(content().string(containsString("ngày 10/01/2025")))
                .andExpect(content().string(containsString("Phòng Văn hóa và Thông tin")))
                .andExpect(content().string(containsString("hạn: 01/02/2025")))
                .andExpect(content().string(containsString("15/01/2025")))
                .andExpect(content().string(containsString("tháng 03/2025")))
                .andExpect(content().string(containsString("Bùi Văn Phú")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))));
        // beside the issuer: not in the list, and the page is "not found"
        mvc.perform(get("/plans").param("q", tree.token).with(as(tree.front, Role.OFFICER)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/plans/" + id))));
        mvc.perform(get("/plans/" + id).with(as(tree.front, Role.OFFICER))).andExpect(status().isNotFound());
        mvc.perform(get("/plans/" + id)).andExpect(status().is3xxRedirection());
    }
}
