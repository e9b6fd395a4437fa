package vn.lantoa.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.lantoa.plan.PlanFixture.as;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.lantoa.account.CurrentUser;
import vn.lantoa.account.Role;
import vn.lantoa.activity.storage.DirectoryEvidenceStorage;
import vn.lantoa.organization.UnitManagement;
import vn.lantoa.plan.PlanFixture;
import vn.lantoa.plan.PlanManagement;
import vn.lantoa.reporting.ActivityTotals;
import vn.lantoa.reporting.PlanPeriods;

/**
 * Recording activities through the API: outputs, evidence checked by content with checksums and thumbnails, the bad
 * files of RELIABILITY.md B-EV (nothing half-saved, no file left behind), the live totals equal to a recomputation.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ActivityApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UnitManagement units;
    @Autowired
    PlanManagement plans;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EvidenceStorage storage;
    @Autowired
    ActivityTotals totals;
    @Autowired
    PlanPeriods periods;

    final JsonMapper json = JsonMapper.builder().build();
    ReportingWorld world;
    CurrentUser ward;

    @BeforeEach
    void world() {
        world = new ReportingWorld(units, plans);
        ward = ReportingWorld.officer(world.ward1);
    }

    MockMultipartHttpServletRequestBuilder activity(String title, String... more) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("planId", String.valueOf(world.plan));
        fields.put("title", title);
        fields.put("channel", "oral");
        fields.put("startsOn", "10/02/2025");
        fields.put("output.oral_sessions", "2");
        fields.put("output.attendees", "150");
        for (int i = 0; i + 1 < more.length; i += 2) {
            fields.put(more[i], more[i + 1]);
        }
        MockMultipartHttpServletRequestBuilder request = multipart("/api/v1/activities");
        fields.forEach(request::param);
        return request;
    }

    ResultActions send(MockMultipartHttpServletRequestBuilder request, CurrentUser user) throws Exception {
        return mvc.perform(request.with(as(user)).with(csrf()));
    }

    long count(String title) {
        return jdbc.sql("select count(*) from activity where title = :t").param("t", title).query(Long.class).single();
    }

    long tmpFiles() throws IOException {
        Path tmp = ((DirectoryEvidenceStorage) storage).root().resolve("tmp");
        if (!Files.isDirectory(tmp)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(tmp)) {
            return files.count();
        }
    }

    @Test
    void recordsAnActivityWithAPhotoALinkAndOutputs() throws Exception {
        byte[] photo = ReportingWorld.photo("jpg", 800, 600);
        String title = "Hội nghị báo cáo viên " + world.token;
        String answer = send(activity(title, "link", "https://baochinhphu.vn/bai-viet", "place", "Hội trường phường")
                .file(new MockMultipartFile("files", "hội nghị.jpg", "image/jpeg", photo)), ward)
                .andExpect(status().isCreated()).andExpect(header().exists("Location"))
                .andExpect(jsonPath("$.unitId").value(world.ward1.id()))
                .andExpect(jsonPath("$.outputs.attendees").value(150))
                .andReturn().getResponse().getContentAsString();
        JsonNode created = json.readTree(answer);
        JsonNode file = created.get("evidence").get(0);
        assertThat(file.get("kind").asString()).isEqualTo("FILE");
        assertThat(file.get("mediaType").asString()).isEqualTo("image/jpeg");
        assertThat(file.get("sha256").asString()).isEqualTo(sha256(photo));
        assertThat(file.get("thumbnailSha256").isNull()).isFalse();
        assertThat(file.get("width").asInt()).isEqualTo(800);
        assertThat(created.get("evidence").get(1).get("url").asString()).isEqualTo("https://baochinhphu.vn/bai-viet");

        long evidence = file.get("id").asLong();
        byte[] downloaded = mvc.perform(get("/api/v1/evidence/" + evidence).with(as(ward)))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Type", "image/jpeg"))
                .andExpect(header().string("Content-Disposition",
                        org.hamcrest.Matchers.containsString("filename*=UTF-8''h%E1%BB%99i")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(downloaded).isEqualTo(photo);
        byte[] thumb = mvc.perform(get("/api/v1/evidence/" + evidence + "/thumbnail").with(as(ward)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(thumb)).getWidth()).isEqualTo(320);

        // the city sees it, the district (another branch) does not, not even by id
        CurrentUser city = ReportingWorld.officer(world.city);
        mvc.perform(get("/api/v1/activities").param("plan", String.valueOf(world.plan)).with(as(city)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].title").value(title));
        CurrentUser district = ReportingWorld.officer(world.district);
        mvc.perform(get("/api/v1/activities").param("plan", String.valueOf(world.plan)).with(as(district)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/v1/activities/" + created.get("id").asLong()).with(as(district)))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("ACTIVITY_NOT_FOUND"));
        mvc.perform(get("/api/v1/evidence/" + evidence).with(as(district)))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("EVIDENCE_NOT_FOUND"));
    }

    @Test
    void liveTotalsEqualARecomputationFromTheActivities() throws Exception {
        send(activity("Buổi 1 " + world.token), ward).andExpect(status().isCreated());
        send(activity("Buổi 2 " + world.token, "startsOn", "14/03/2025"), ReportingWorld.officer(world.ward2))
                .andExpect(status().isCreated());
        send(activity("Băng rôn " + world.token, "channel", "visual", "output.oral_sessions", "0",
                "output.attendees", "", "output.banners", "40"), ReportingWorld.officer(world.city))
                .andExpect(status().isCreated());
        // 15/03 is past the Q1 cut-off (14/03) of the Party dates: Q2
        send(activity("Buổi 3 " + world.token, "startsOn", "15/03/2025"), ward).andExpect(status().isCreated());

        assertThat(figures(totals.subtree(world.plan, "2025-Q1", world.province.id())))
                .isEqualTo(recompute(world.province.path(), "2025-Q1"))
                .containsEntry("oral/", 2L).containsEntry("oral/attendees", 300L).containsEntry("visual/banners", 40L)
                .containsEntry("visual/", 1L);
        assertThat(figures(totals.subtree(world.plan, "2025-Q1", world.city.id())))
                .isEqualTo(recompute(world.city.path(), "2025-Q1"));
        assertThat(figures(totals.subtree(world.plan, "2025-Q1", world.ward1.id())))
                .isEqualTo(recompute(world.ward1.path(), "2025-Q1")).containsEntry("oral/attendees", 150L);
        assertThat(figures(totals.subtree(world.plan, "2025-Q2", world.ward1.id())))
                .isEqualTo(recompute(world.ward1.path(), "2025-Q2")).containsEntry("oral/", 1L);
        assertThat(figures(totals.own(world.plan, "2025-Q1", world.city.id()))).containsEntry("visual/banners", 40L)
                .doesNotContainKey("oral/");
        assertThat(totals.perChild(world.plan, "2025-Q1", world.city.id())).containsOnlyKeys(world.ward1.id(),
                world.ward2.id());
    }

    static Map<String, Long> figures(java.util.List<ActivityTotals.Figure> figures) {
        Map<String, Long> map = new HashMap<>();
        figures.forEach(f -> map.merge(f.channel() + "/" + f.indicator(), f.quantity(), Long::sum));
        map.values().removeIf(v -> v == 0);
        return map;
    }

    /** The same figures straight from the activities, their outputs and the plan's periods. */
    Map<String, Long> recompute(String path, String period) {
        var p = periods.scheme(world.plan).period(period);
        Map<String, Long> map = new HashMap<>();
        jdbc.sql("select a.channel, count(*) from activity a where a.plan_id = :plan and a.unit_path like :path and "
                + "a.starts_on between :from and :to group by a.channel").param("plan", world.plan)
                .param("path", path + "%").param("from", p.from()).param("to", p.to())
                .query(rs -> {
                    map.put(rs.getString(1) + "/", rs.getLong(2));
                });
        jdbc.sql("select a.channel, o.indicator_code, sum(o.quantity) from activity a join activity_output o on "
                + "o.activity_id = a.id where a.plan_id = :plan and a.unit_path like :path and a.starts_on between "
                + ":from and :to group by a.channel, o.indicator_code").param("plan", world.plan)
                .param("path", path + "%").param("from", p.from()).param("to", p.to())
                .query(rs -> {
                    map.put(rs.getString(1) + "/" + rs.getString(2), rs.getLong(3));
                });
        map.values().removeIf(v -> v == 0);
        return map;
    }

    @Test
    void badFilesAndLinksAreRefusedAndNothingIsSaved() throws Exception {
        long tmpBefore = tmpFiles();
        String title = "Bị từ chối " + world.token;
        // B-EV-02: HTML named .jpg
        send(activity(title).file(new MockMultipartFile("files", "anh.jpg", "image/jpeg",
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8))), ward)
                .andExpect(status().isUnsupportedMediaType()).andExpect(jsonPath("$.code").value("UNSUPPORTED_TYPE"))
                // the evidence text (the importer's refusal of the same code speaks of plan documents)
                .andExpect(jsonPath("$.detail").value("Tệp \"anh.jpg\" không phải ảnh JPEG, PNG, tệp PDF hay DOCX."));
        // a PDF named .jpg: the content decides, and the name contradicts it
        send(activity(title).file(new MockMultipartFile("files", "anh.jpg", "image/jpeg",
                "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII))), ward)
                .andExpect(status().isUnsupportedMediaType()).andExpect(jsonPath("$.code").value("TYPE_MISMATCH"));
        // B-EV-04: a PNG whose header claims 60000×60000
        send(activity(title).file(new MockMultipartFile("files", "lon.png", "image/png", hugePngHeader())), ward)
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("IMAGE_TOO_LARGE"));
        // B-EV-07: EICAR named .pdf
        send(activity(title).file(new MockMultipartFile("files", "tai-lieu.pdf", "application/pdf",
                "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*".getBytes(
                        StandardCharsets.US_ASCII))), ward)
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.code").value("MALWARE_DETECTED"));
        // B-EV-08: javascript: and file: links
        send(activity(title, "link", "javascript:alert(1)"), ward).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("EVIDENCE_LINK_INVALID"));
        send(activity(title, "link", "file:///etc/passwd"), ward).andExpect(status().isBadRequest());
        // B-EV-09: one file over 20 MB, after a good one (all or nothing)
        byte[] big = new byte[20 * 1024 * 1024 + 1];
        big[0] = (byte) 0xff;
        big[1] = (byte) 0xd8;
        big[2] = (byte) 0xff;
        send(activity(title).file(new MockMultipartFile("files", "tot.png", "image/png",
                ReportingWorld.photo("png", 50, 50))).file(new MockMultipartFile("files", "to.jpg", "image/jpeg", big)),
                ward).andExpect(status().isPayloadTooLarge()).andExpect(jsonPath("$.code").value("FILE_TOO_LARGE"));
        // a wrong date, an unknown indicator
        send(activity(title, "startsOn", "31/02/2025"), ward).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("ACTIVITY_INVALID"));
        send(activity(title, "output.khong_co", "3"), ward).andExpect(status().isBadRequest());

        assertThat(count(title)).isZero();
        assertThat(tmpFiles()).isEqualTo(tmpBefore);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'UPLOAD_REJECTED' and details like "
                + ":sha").param("sha", "%sha256=%").query(Long.class).single()).isPositive();
    }

    @Test
    void fileNamesAreSanitisedAndTheSameFileTwiceIsKeptOnce() throws Exception {
        byte[] photo = ReportingWorld.photo("png", 40, 30);
        String answer = send(activity("Tên tệp " + world.token)
                .file(new MockMultipartFile("files", "../../etc/passwd.png", "image/png", photo))
                .file(new MockMultipartFile("files", "a\u0000b.png", "image/png", photo)), ward)
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        JsonNode evidence = json.readTree(answer).get("evidence");
        assertThat(evidence.get(0).get("displayName").asString()).isEqualTo("passwd.png");
        assertThat(evidence.get(1).get("displayName").asString()).isEqualTo("ab.png");
        assertThat(evidence.get(0).get("sha256").asString()).isEqualTo(evidence.get(1).get("sha256").asString());
        assertThat(storage.contains(sha256(photo))).isTrue();
    }

    @Test
    void whoMayRecord() throws Exception {
        String title = "Không được ghi " + world.token;
        // a leader writes nothing; a unit outside the plan's tree does not see the plan
        send(activity(title), PlanFixture.user(world.ward1, Role.LEADER)).andExpect(status().isForbidden());
        CurrentUser outsider = ReportingWorld.officer(new ReportingWorld(units, plans).ward1);
        send(activity(title), outsider).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("PLAN_NOT_FOUND"));
        // the unit is never taken from the request
        send(activity(title, "unitId", String.valueOf(world.city.id())), ward).andExpect(status().isCreated())
                .andExpect(jsonPath("$.unitId").value(world.ward1.id()));
        assertThat(count(title)).isOne();
    }

    static byte[] hugePngHeader() {
        byte[] png = ReportingWorld.photo("png", 10, 10);
        // IHDR width and height at offsets 16 and 20; the CRC no longer matches, as in a forged file
        byte[] forged = Arrays.copyOf(png, png.length);
        int side = 60000;
        for (int offset : new int[] {16, 20}) {
            forged[offset] = (byte) (side >>> 24);
            forged[offset + 1] = (byte) (side >>> 16);
            forged[offset + 2] = (byte) (side >>> 8);
            forged[offset + 3] = (byte) side;
        }
        return forged;
    }

    static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
