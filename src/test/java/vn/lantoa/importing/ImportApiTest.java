package vn.lantoa.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import vn.lantoa.planformat.PlanJson;

/**
 * {@code POST /api/v1/imports} through the full filter chain: the twelve seed files answer their plan JSON, hostile
 * files answer problem+json with their code and a Vietnamese detail, anonymous callers are refused, and nothing is
 * left in the temporary directory.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ImportApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    static Stream<Arguments> seeds() {
        return Seeds.NAMES.stream().flatMap(n -> Seeds.FORMS.stream().map(f -> Arguments.of(n, f)));
    }

    private static MockMultipartFile upload(String name, byte[] bytes) {
        return new MockMultipartFile("file", name, MediaType.APPLICATION_OCTET_STREAM_VALUE, bytes);
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("seeds")
    void everySeedAnswersItsPlan(String name, String form) throws Exception {
        Set<String> before = spooled();
        byte[] bytes = Files.readAllBytes(Seeds.file(name, form));
        String json = mvc.perform(multipart("/api/v1/imports").file(upload(name + "." + form, bytes))
                        .with(user("cb")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.format").value("lantoa.plan/1"))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(PlanJson.read(json)).isNotNull();
        assertThat(spooled()).isEqualTo(before);
    }

    @Test
    void refusalsAreProblemJsonWithAStableCodeAndAVietnameseDetail() throws Exception {
        Set<String> before = spooled();
        expect(upload("rong.docx", new byte[0]), 422, "DOC_EMPTY", "Tệp rỗng.");
        expect(upload("ke-hoach.docx", HostileFiles.rawPdf("<< /Type /Catalog >>")), 422, "TYPE_MISMATCH",
                "Tệp có đuôi .docx nhưng nội dung là PDF.");
        expect(upload("anh.docx", HostileFiles.png(10, 10)), 415, "UNSUPPORTED_TYPE", "Không đọc được loại tệp này");
        expect(upload("xxe.docx", HostileFiles.xxe("file:///etc/passwd")), 422, "DOC_XML_FORBIDDEN", "DOCTYPE");
        expect(upload("macro.docx", HostileFiles.macroEnabled()), 422, "DOC_MACRO", "Tệp có macro");
        expect(upload("cu.doc", HostileFiles.legacyDoc()), 415, "DOC_LEGACY_FORMAT", ".doc");
        expect(upload("mat.txt", HostileFiles.utf8("UBND PHƯỜNG\n\nTỐI MẬT\n\nKẾ HOẠCH\n")), 422, "SECRET_MARKING",
                "Văn bản có dấu chỉ độ mật \"TỐI MẬT\" không được lưu trên hệ thống này.");
        expect(upload("sai.txt", HostileFiles.utf8("KẾ HOẠCH\nabc\u0000")), 415, "UNSUPPORTED_TYPE", "");
        assertThat(spooled()).isEqualTo(before);
    }

    @Test
    void aRefusedFileIsAuditedByItsHashAndCodeWithNothingOfItsContent() throws Exception {
        String nonce = Long.toString(System.nanoTime(), 36);
        byte[] secret = HostileFiles.utf8("UBND PHƯỜNG " + nonce + "\n\nTỐI MẬT\n\nKẾ HOẠCH\nDi chuyển kho vũ khí\n");
        expect(upload("ke-hoach-" + nonce + ".txt", secret), 422, "SECRET_MARKING", "TỐI MẬT");
        String sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(secret));
        var rows = jdbc.sql("select action, outcome, object_type, details from audit_entry where object_id = ?")
                .param(sha256).query().listOfRows();
        assertThat(rows).hasSize(1);
        var row = rows.get(0);
        assertThat(row.get("action")).isEqualTo("PLAN_IMPORT_REJECTED");
        assertThat(row.get("outcome")).isEqualTo("FAILED");
        assertThat(row.get("object_type")).isEqualTo("file-sha256");
        assertThat((String) row.get("details")).isEqualTo("code=SECRET_MARKING; bytes=" + secret.length + "; type=txt")
                .doesNotContain(nonce).doesNotContain("vũ khí");

        // a file that imports is not audited
        byte[] plan = Files.readAllBytes(Seeds.file("004_79db2fe38eae3819", "txt"));
        String planSha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(plan));
        mvc.perform(multipart("/api/v1/imports").file(upload("ke-hoach.txt", plan)).with(user("cb")).with(csrf()))
                .andExpect(status().isOk());
        assertThat(jdbc.sql("select count(*) from audit_entry where object_id = ?").param(planSha).query(Long.class)
                .single()).isZero();
    }

    private void expect(MockMultipartFile file, int status, String code, String detail) throws Exception {
        mvc.perform(multipart("/api/v1/imports").file(file).with(user("cb")).with(csrf()))
                .andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.detail").value(containsString(detail)))
                .andExpect(content().string(not(containsString("Exception"))))
                .andExpect(content().string(not(containsString("root:x:"))));
    }

    @Test
    void aFileOverTwentyMegabytesIsTooLarge() throws Exception {
        byte[] big = new byte[25 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        mvc.perform(multipart("/api/v1/imports").file(upload("lon.docx", big)).with(user("cb")).with(csrf()))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("FILE_TOO_LARGE"));
    }

    @Test
    void anonymousCallersAreRefused() throws Exception {
        mvc.perform(multipart("/api/v1/imports").file(upload("a.txt", HostileFiles.utf8("KẾ HOẠCH"))).with(csrf()))
                .andExpect(status().isUnauthorized());
    }

    /** The importer's own spool files in the temporary directory. */
    private static Set<String> spooled() throws java.io.IOException {
        try (Stream<Path> list = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return list.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(PlanImporter.SPOOL_PREFIX))
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }
}
