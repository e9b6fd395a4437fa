package vn.lantoa.planformat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PlanJsonTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Plan sample() {
        DocumentHeader doc = new DocumentHeader("KH", "354", "354-KH/TU", DocumentSystem.PARTY,
                LocalDate.of(2024, 12, 31), "Phan Rang - Tháp Chàm", "Ban Thường vụ Thành ủy",
                "tuyên truyền những chủ đề lớn", new Signer("Bùi Văn Phú", "Phó Bí thư", "T/M Ban Thường vụ"));
        String congress = "Đại hội đại biểu toàn quốc lần thứ XIV của Đảng";
        Phase sub = new Phase("2.1", null, null,
                TimeRef.relative(congress, TimeRef.Edge.START, TimeRef.Relation.BEFORE), List.of("…"), List.of());
        Phase one = new Phase("Giai đoạn 1", "từ nay", TimeRef.issued(), TimeRef.year(2024), List.of("Tuyên truyền"),
                List.of());
        Phase two = new Phase("Giai đoạn 2", null, TimeRef.month(YearMonth.of(2025, 1)),
                new TimeRef.Relative(congress, TimeRef.Edge.START, TimeRef.Relation.BEFORE, -1), List.of(),
                List.of(sub));
        return new Plan(doc,
                List.of(new DocumentRef("KH", "361-KH/TU", LocalDate.of(2024, 12, 23), "Ban Thường vụ Tỉnh ủy")),
                List.of(new DocumentRef("HD", "173-HD/BTGTU", null, null)),
                List.of(new Event(congress, null, null)),
                List.of(one, two),
                List.of(new Channel(ChannelKind.MASS_MEDIA, "Trên báo chí", List.of("Mở chuyên mục"))),
                List.of("Niềm tin mới, khí thế mới"), List.of(),
                List.of(new Assignment("Ủy ban nhân dân thành phố", Role.LEAD,
                        List.of(new Task("Xây dựng kế hoạch", TimeRef.day(LocalDate.of(2025, 1, 10)), TaskKind.PLAN)))),
                List.of(new ReportingDuty("Các Ban", "Ban Thường vụ Thành ủy", "Ban Tuyên giáo Thành ủy",
                        Frequency.QUARTERLY, List.of(TimeRef.day(LocalDate.of(2025, 3, 15))))),
                List.of("Thường trực Tỉnh ủy", "Lưu Văn phòng"),
                List.of(WarningCode.SYMBOL_REPAIRED.at("mục IV", "3420/HDBVHTTDL", "3420/HD-BVHTTDL")));
    }

    @Test
    void writesTheSpecsMemberNamesInOrderWithTheFormatFirst() {
        JsonNode tree = JSON.readTree(PlanJson.write(sample()));
        assertThat(new ArrayList<>(tree.propertyNames())).containsExactly("format", "document", "bases", "citations",
                "events", "phases", "channels", "themes", "slogans", "assignments", "reporting", "recipients",
                "warnings");
        assertThat(tree.get("format").asString()).isEqualTo("lantoa.plan/1");
        assertThat(new ArrayList<>(tree.get("document").propertyNames())).containsExactly("kind", "number", "symbol",
                "system", "issuedOn", "place", "issuer", "title", "signer");
        assertThat(tree.at("/document/system").asString()).isEqualTo("party");
        assertThat(tree.at("/document/issuedOn").asString()).isEqualTo("2024-12-31");
        assertThat(tree.at("/document/signer/authority").asString()).isEqualTo("T/M Ban Thường vụ");
        assertThat(tree.at("/citations/0/issuedOn").isNull()).isTrue();
        assertThat(tree.at("/phases/0/start/ref").asString()).isEqualTo("issued");
        assertThat(tree.at("/phases/0/end/year").intValue()).isEqualTo(2024);
        assertThat(tree.at("/phases/1/start/month").asString()).isEqualTo("2025-01");
        assertThat(tree.at("/phases/1/end/offsetDays").intValue()).isEqualTo(-1);
        assertThat(tree.at("/phases/1/end/edge").asString()).isEqualTo("start");
        assertThat(tree.at("/phases/1/phases/0/start").isNull()).isTrue();
        assertThat(tree.at("/phases/1/phases/0/end").has("offsetDays")).isFalse();
        assertThat(tree.at("/channels/0/kind").asString()).isEqualTo("mass_media");
        assertThat(tree.at("/assignments/0/tasks/0/due/date").asString()).isEqualTo("2025-01-10");
        assertThat(tree.at("/assignments/0/role").asString()).isEqualTo("lead");
        assertThat(tree.at("/reporting/0/frequency").asString()).isEqualTo("quarterly");
        assertThat(tree.at("/warnings/0/code").asString()).isEqualTo("symbol-repaired");
        assertThat(tree.at("/warnings/0/message").asString()).contains("3420/HD-BVHTTDL");
    }

    @Test
    void writesNullsAsNullAndEmptyListsAsEmpty() {
        Plan empty = new Plan(null, null, null, null, null, null, null, null, null, null, null, null);
        JsonNode tree = JSON.readTree(PlanJson.write(empty));
        assertThat(tree.get("document").get("number").isNull()).isTrue();
        assertThat(tree.get("document").get("signer").isNull()).isTrue();
        assertThat(tree.get("phases").isArray()).isTrue();
        assertThat(tree.get("phases").size()).isZero();
    }

    @Test
    void readsWhatItWrites() {
        Plan plan = sample();
        assertThat(PlanJson.read(PlanJson.write(plan))).isEqualTo(plan);
    }

    @Test
    void keepsVietnameseTextUnescaped() {
        assertThat(PlanJson.write(sample())).contains("\"Ban Thường vụ Thành ủy\"");
    }

    @Test
    void refusesAnUnknownChannelKindWithItsPointer() {
        String json = PlanJson.write(sample()).replace("\"mass_media\"", "\"billboard\"");
        assertThatThrownBy(() -> PlanJson.read(json)).isInstanceOfSatisfying(PlanFormatException.class,
                e -> assertThat(e.violations()).extracting(PlanViolation::pointer, PlanViolation::code)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("/channels/0/kind", "unknown-value")));
    }

    @Test
    void refusesWrongTypesAndBadDates() {
        String json = """
                {"format": "lantoa.plan/1",
                 "document": {"kind": 5, "issuedOn": "31/12/2024"},
                 "phases": [{"label": "Đợt 1", "start": {"month": "2024-13"}, "end": {"date": "2025-01-01", "year": 2025}}],
                 "themes": "một chủ đề",
                 "extra": true}
                """;
        assertThatThrownBy(() -> PlanJson.read(json)).isInstanceOfSatisfying(PlanFormatException.class,
                e -> assertThat(e.violations()).extracting(PlanViolation::pointer).containsExactlyInAnyOrder(
                        "/extra", "/document/kind", "/document/issuedOn", "/phases/0/start/month", "/phases/0/end",
                        "/themes"));
    }

    @Test
    void refusesAnotherFormatAndText() {
        assertThatThrownBy(() -> PlanJson.read("{\"format\": \"lantoa.plan/2\", \"document\": {}}"))
                .isInstanceOfSatisfying(PlanFormatException.class,
                        e -> assertThat(e.violations().get(0).pointer()).isEqualTo("/format"));
        assertThatThrownBy(() -> PlanJson.read("Kế hoạch số 1")).isInstanceOfSatisfying(PlanFormatException.class,
                e -> assertThat(e.violations().get(0).code()).isEqualTo("syntax"));
        assertThatThrownBy(() -> PlanJson.read("{\"format\": \"lantoa.plan/1\", \"format\": \"x\", \"document\": {}}"))
                .isInstanceOf(PlanFormatException.class);
    }

    @Test
    void readsTheMinimalPlan() {
        Plan plan = PlanJson.read("{\"format\": \"lantoa.plan/1\", \"document\": {\"kind\": \"KH\"}}");
        assertThat(plan.document().kind()).isEqualTo("KH");
        assertThat(plan.phases()).isEmpty();
    }
}
