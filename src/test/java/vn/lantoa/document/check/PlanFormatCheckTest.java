package vn.lantoa.document.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.lantoa.document.DocumentRenderer;
import vn.lantoa.plan.CheckedPlan;
import vn.lantoa.plan.PlanFinding;
import vn.lantoa.plan.PlanStatus;
import vn.lantoa.planformat.PlanJson;

/** The format check of a plan against the profile valid on its issue date. */
class PlanFormatCheckTest {

    private final PlanFormatCheck check = new PlanFormatCheck(DocumentRenderer.bundled());

    static String json(String name) throws IOException {
        try (InputStream in = PlanFormatCheckTest.class.getResourceAsStream("/vn/lantoa/document/plans/" + name + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    List<PlanFinding> findings(String json) {
        return check.check(new CheckedPlan(1, 1, PlanStatus.DRAFT, PlanJson.read(json), List.of(), List.of()));
    }

    List<String> codes(String json) {
        return findings(json).stream().map(PlanFinding::code).toList();
    }

    @Test
    void plansInTheirFormHaveNoFinding() throws IOException {
        assertThat(findings(json("state-commune"))).isEmpty();
        assertThat(findings(json("party-district"))).isEmpty();
    }

    @Test
    void aSymbolInTheOtherSystemsPattern() throws IOException {
        String state = json("state-commune").replace("\"symbol\": \"5/KH-UBND\"", "\"symbol\": \"5-KH/UBND\"");
        List<PlanFinding> found = findings(state);
        assertThat(found).extracting(PlanFinding::code).containsExactly("format-symbol");
        assertThat(found.get(0).severity()).isEqualTo(PlanFinding.Severity.WARNING);
        assertThat(found.get(0).pointer()).isEqualTo("/document/symbol");
        assertThat(found.get(0).message()).contains("5-KH/UBND", "Nghị định 30/2020");
        assertThat(found.get(0).fix()).contains("15/KH-…");
        String party = json("party-district").replace("\"symbol\": \"87-KH/ĐU\"", "\"symbol\": \"87/KH-ĐU\"");
        assertThat(codes(party)).containsExactly("format-symbol");
    }

    @Test
    void aSignerAuthorityOfTheOtherSystem() throws IOException {
        assertThat(codes(json("state-commune").replace("\"authority\": \"TM. Ủy ban nhân dân, KT. Chủ tịch\"",
                "\"authority\": \"T/M Ủy ban nhân dân\""))).containsExactly("format-signer-authority");
        List<PlanFinding> party = findings(json("party-district").replace("\"authority\": \"T/M Ban Thường vụ\"",
                "\"authority\": \"TM. Ban Thường vụ\""));
        assertThat(party).extracting(PlanFinding::code).containsExactly("format-signer-authority");
        assertThat(party.get(0).fix()).contains("T/M");
    }

    @Test
    void noPlaceAndNoArchiveLine() throws IOException {
        String state = json("state-commune").replace("\"place\": \"Tân Hòa\"", "\"place\": null")
                .replace(", \"Lưu: VT, VHXH.\"", "");
        List<PlanFinding> found = findings(state);
        assertThat(found).extracting(PlanFinding::code).containsExactly("format-place", "format-archive");
        assertThat(found.get(1).fix()).contains("Lưu: VT, …");
    }
}
