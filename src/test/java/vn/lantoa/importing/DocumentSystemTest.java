package vn.lantoa.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import vn.lantoa.planformat.DocumentSystem;
import vn.lantoa.planformat.Plan;

/**
 * Hệ thống văn bản (Party or State) comes from the structure of the header: the national heading of the right column
 * ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" or "ĐẢNG CỘNG SẢN VIỆT NAM"), then the form of the symbol (15/KH-UBND against
 * 74-KH/TU), then the issuer's name; never from "Đảng Cộng sản Việt Nam" in the title or the body, which State plans
 * for the Party's anniversaries carry as often as Party plans do. Each case in every form the importer reads.
 */
class DocumentSystemTest {

    static Stream<Arguments> layouts() {
        return Stream.of(
                Arguments.of("txt", (Function<String, DocumentText>) PlanTexts::viaReader),
                Arguments.of("lines", (Function<String, DocumentText>) PlanTexts::lineByLine),
                Arguments.of("word", (Function<String, DocumentText>) PlanTexts::asWord),
                Arguments.of("pdf", (Function<String, DocumentText>) PlanPdfs::viaPdf));
    }

    private static final String BODY = """
            Thực hiện Kế hoạch số 45-KH/HU ngày 10/01/2026 của Ban Thường vụ Huyện ủy về tuyên truyền kỷ niệm 96 năm Ngày thành lập Đảng Cộng sản Việt Nam, %s xây dựng kế hoạch như sau:

            I. MỤC ĐÍCH, YÊU CẦU
            1. Tuyên truyền sâu rộng truyền thống vẻ vang của Đảng Cộng sản Việt Nam và những thành tựu của đất nước.
            2. Các hoạt động bảo đảm thiết thực, tiết kiệm.

            II. KHẨU HIỆU TUYÊN TRUYỀN
            - Đảng Cộng sản Việt Nam quang vinh muôn năm!

            III. TỔ CHỨC THỰC HIỆN
            1. Công chức Văn hóa - Xã hội
            Tham mưu triển khai Kế hoạch; tổng hợp, báo cáo kết quả trước ngày 25/02/2026.

            Nơi nhận:
            - Ban Tuyên giáo Huyện ủy;
            - Lưu: VT.

            %s
            %s

            Nguyễn Văn An
            """;

    private static Plan parse(Function<String, DocumentText> read, String header, String acting, String authority,
            String position) {
        return PlanParser.parse(read.apply(header + "\n\n" + BODY.formatted(acting, authority, position)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void aStatePlanForTheAnniversaryOfTheParty(String layout, Function<String, DocumentText> read) {
        Plan plan = parse(read, """
                ỦY BAN NHÂN DÂN
                XÃ TÂN HIỆP
                Số: 12/KH-UBND

                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Độc lập - Tự do - Hạnh phúc
                Tân Hiệp, ngày 15 tháng 01 năm 2026

                KẾ HOẠCH
                Tuyên truyền kỷ niệm 96 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2026)""",
                "Ủy ban nhân dân xã", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH");
        assertThat(plan.document().title()).contains("Đảng Cộng sản Việt Nam");
        assertThat(plan.document().symbol()).isEqualTo("12/KH-UBND");
        assertThat(plan.document().system()).isEqualTo(DocumentSystem.STATE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void aStatePlanWithTheTitleInCapitals(String layout, Function<String, DocumentText> read) {
        Plan plan = parse(read, """
                ỦY BAN NHÂN DÂN
                XÃ TÂN HIỆP
                Số: 13/KH-UBND

                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                Độc lập - Tự do - Hạnh phúc
                Tân Hiệp, ngày 15 tháng 01 năm 2026

                KẾ HOẠCH
                TUYÊN TRUYỀN KỶ NIỆM 96 NĂM NGÀY THÀNH LẬP ĐẢNG CỘNG SẢN VIỆT NAM""",
                "Ủy ban nhân dân xã", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH");
        assertThat(plan.document().system()).isEqualTo(DocumentSystem.STATE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void aPartyPlanForTheSameAnniversary(String layout, Function<String, DocumentText> read) {
        Plan plan = parse(read, """
                ĐẢNG BỘ HUYỆN TÂN HIỆP
                ĐẢNG ỦY XÃ TÂN HIỆP
                *
                Số 08-KH/ĐU

                ĐẢNG CỘNG SẢN VIỆT NAM
                Tân Hiệp, ngày 15 tháng 01 năm 2026

                KẾ HOẠCH
                tuyên truyền kỷ niệm 96 năm Ngày thành lập Đảng Cộng sản Việt Nam""",
                "Đảng ủy xã", "T/M ĐẢNG ỦY", "BÍ THƯ");
        assertThat(plan.document().symbol()).isEqualTo("08-KH/ĐU");
        assertThat(plan.document().system()).isEqualTo(DocumentSystem.PARTY);
    }

    /** A copy that lost the heading: the symbol's form tells, whatever the title says. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void withoutTheHeadingTheSymbolTells(String layout, Function<String, DocumentText> read) {
        Plan state = parse(read, """
                ỦY BAN NHÂN DÂN XÃ TÂN HIỆP
                Số: 14/KH-UBND

                KẾ HOẠCH
                Tuyên truyền kỷ niệm 96 năm Ngày thành lập Đảng Cộng sản Việt Nam""",
                "Ủy ban nhân dân xã", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH");
        assertThat(state.document().system()).isEqualTo(DocumentSystem.STATE);
        Plan party = parse(read, """
                ĐẢNG ỦY XÃ TÂN HIỆP
                Số 09-KH/ĐU

                KẾ HOẠCH
                Tuyên truyền kỷ niệm 96 năm Ngày thành lập Đảng Cộng sản Việt Nam""",
                "Đảng ủy xã", "T/M ĐẢNG ỦY", "BÍ THƯ");
        assertThat(party.document().system()).isEqualTo(DocumentSystem.PARTY);
    }

    /** Neither heading nor number (a draft): the issuer's name tells. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void withoutHeadingOrNumberTheIssuerTells(String layout, Function<String, DocumentText> read) {
        Plan plan = parse(read, """
                ỦY BAN NHÂN DÂN XÃ TÂN HIỆP

                KẾ HOẠCH
                Tuyên truyền kỷ niệm 96 năm Ngày thành lập Đảng Cộng sản Việt Nam""",
                "Ủy ban nhân dân xã Tân Hiệp", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH");
        assertThat(plan.document().system()).isEqualTo(DocumentSystem.STATE);
    }

    /** The Party's heading typed in ordinary case on a line of its own is still the heading. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void aPartyHeadingTypedInOrdinaryCase(String layout, Function<String, DocumentText> read) {
        Plan plan = parse(read, """
                ĐẢNG ỦY XÃ TÂN HIỆP
                Đảng Cộng sản Việt Nam
                Tân Hiệp, ngày 15 tháng 01 năm 2026

                KẾ HOẠCH
                Tuyên truyền kỷ niệm 96 năm Ngày thành lập Đảng""",
                "Đảng ủy xã", "T/M ĐẢNG ỦY", "BÍ THƯ");
        assertThat(plan.document().system()).isEqualTo(DocumentSystem.PARTY);
    }
}
