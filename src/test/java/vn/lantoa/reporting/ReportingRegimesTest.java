package vn.lantoa.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import vn.lantoa.planformat.Frequency;
import vn.lantoa.planformat.Plan;
import vn.lantoa.planformat.PlanJson;

/** A plan's reporting duties become a regime with the fields of Nghị định 09/2019, Điều 7, as far as the plan says. */
class ReportingRegimesTest {

    static final String PLAN = """
            { "format": "lantoa.plan/1",
              "document": { "kind": "KH", "number": "354", "symbol": "354-KH/TU", "system": "party",
                            "issuedOn": "2024-12-31", "issuer": "Ban Thường vụ Thành ủy", "title": "tuyên truyền" },
              "reporting": [
                { "from": "Các chi, đảng bộ cơ sở", "to": "Ban Thường vụ Thành ủy", "via": "Ban Tuyên giáo Thành ủy",
                  "frequency": "quarterly", "due": [ {"date": "2025-03-15"}, {"date": "2025-06-15"},
                  {"date": "2025-09-15"}, {"date": "2025-12-15"} ] },
                { "from": "Ban Tuyên giáo Thành ủy", "to": "Ban Thường vụ Thành ủy", "frequency": "quarterly",
                  "due": [ {"date": "2025-03-20"}, {"date": "2025-06-20"}, {"date": "2025-09-20"}, {"date": "2025-12-20"} ] }
              ] }
            """;

    @Test
    void theRegimeOfSeed002() {
        Plan plan = PlanJson.read(PLAN);
        ReportingRegime regime = ReportingRegimes.fromPlan(plan).orElseThrow();
        assertThat(regime.name()).isEqualTo("Báo cáo kết quả thực hiện Kế hoạch số 354-KH/TU");
        assertThat(regime.reporters()).isEqualTo("Các chi, đảng bộ cơ sở");
        assertThat(regime.recipient()).isEqualTo("Ban Thường vụ Thành ủy");
        assertThat(regime.via()).isEqualTo("Ban Tuyên giáo Thành ủy");
        assertThat(regime.frequency()).isEqualTo(Frequency.QUARTERLY);
        assertThat(regime.outline()).containsExactly("Kết quả thực hiện", "Hạn chế, khó khăn", "Đề xuất, kiến nghị");
        ReportingPeriod q1 = regime.scheme().period("2025-Q1");
        assertThat(q1.due()).isEqualTo(LocalDate.of(2025, 3, 15));
        assertThat(q1.consolidationDue()).isEqualTo(LocalDate.of(2025, 3, 20));
        assertThat(q1.from()).isEqualTo(LocalDate.of(2024, 12, 15));
        // what the plan does not say stays unsaid
        assertThat(regime.procedure()).isNull();
        assertThat(regime.forms()).isEmpty();
    }

    @Test
    void aPlanWithoutReportingHasNoRegime() {
        String without = PLAN.substring(0, PLAN.indexOf("\"reporting\"")) + "\"reporting\": [] }";
        assertThat(ReportingRegimes.fromPlan(PlanJson.read(without))).isEmpty();
    }
}
