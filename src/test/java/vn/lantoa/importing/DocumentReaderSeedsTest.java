package vn.lantoa.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The twelve seed files read into blocks that look alike across their three forms. */
class DocumentReaderSeedsTest {

    private final DocumentReader reader = new DocumentReader(ImportLimits.DEFAULT);

    static Stream<Arguments> seeds() {
        return Seeds.NAMES.stream().flatMap(n -> Seeds.FORMS.stream().map(f -> Arguments.of(n, f)));
    }

    private DocumentText read(String name, String form) throws Exception {
        Path file = Seeds.file(name, form);
        return reader.read(file, file.getFileName().toString());
    }

    private static List<String> displayed(DocumentText text) {
        return text.blocks().stream().map(TextBlock::displayed).toList();
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("seeds")
    void everySeedReadsWithoutWarningsAndWithTheTitle(String name, String form) throws Exception {
        DocumentText text = read(name, form);
        assertThat(text.warnings()).isEmpty();
        assertThat(displayed(text)).contains("KẾ HOẠCH");
        assertThat(text.blocks()).allSatisfy(b -> {
            assertThat(b.text()).isNotBlank().doesNotContain("**").doesNotStartWith("#");
            assertThat(java.text.Normalizer.isNormalized(b.text(), java.text.Normalizer.Form.NFC)).isTrue();
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void theThreeFormsGiveNearlyTheSameParagraphs(String name) throws Exception {
        List<String> docx = displayed(read(name, "docx"));
        for (String form : List.of("pdf", "txt")) {
            List<String> other = displayed(read(name, form));
            long same = other.stream().filter(docx::contains).count();
            assertThat(same).as("%s.%s paragraphs also in the DOCX", name, form).isGreaterThan((long) (docx.size() * 0.75));
            assertThat(other.size()).isBetween((int) (docx.size() * 0.9), (int) (docx.size() * 1.1) + 1);
        }
    }

    static Stream<String> names() {
        return Seeds.NAMES.stream();
    }

    @Test
    void docxLabelsComeFromWordsAutomaticNumbering() throws Exception {
        DocumentText text = read("001_a29ead2a4e8d016a", "docx");
        assertThat(text.blocks()).anySatisfy(b -> {
            assertThat(b.label()).isEqualTo("II.");
            assertThat(b.text()).isEqualTo("NỘI DUNG TUYÊN TRUYỀN");
        });
        // a list restarted at 4 by its numbering instance (startOverride)
        assertThat(text.blocks()).anySatisfy(b -> {
            assertThat(b.label()).isEqualTo("4.");
            assertThat(b.text()).startsWith("Đẩy mạnh công tác thông tin tuyên truyền về đại hội");
        });
        assertThat(text.blocks()).anySatisfy(b -> {
            assertThat(b.label()).isEqualTo("a)");
            assertThat(b.text()).startsWith("Tuyên truyền trên website");
        });
        assertThat(text.blocks()).filteredOn(b -> "-".equals(b.label())).hasSizeGreaterThan(20);
    }

    @Test
    void pdfLinesAreJoinedIntoParagraphsWithTheirLabels() throws Exception {
        List<String> pdf = displayed(read("001_a29ead2a4e8d016a", "pdf"));
        assertThat(pdf).contains("II. NỘI DUNG TUYÊN TRUYỀN");
        assertThat(pdf).anySatisfy(p -> assertThat(p).startsWith(
                "Thực hiện Kế hoạch số 01-KH/ĐU ngày 07/7/2025 của Ban Chấp hành Đảng bộ phường về Đại hội đại biểu"
                        + " Đảng bộ phường An Dương lần thứ I, nhiệm kỳ 2025-2030; Kế hoạch số 05-KH/ĐU"));
    }

    @Test
    void textWrappedByHandIsJoinedAndMarkdownMarksGo() throws Exception {
        DocumentText text = read("001_a29ead2a4e8d016a", "txt");
        List<String> lines = displayed(text);
        assertThat(lines).contains("Số: 15 /KH-UBND", "I. MỤC ĐÍCH, YÊU CẦU");
        assertThat(lines).anySatisfy(p -> assertThat(p).startsWith(
                "Thực hiện Kế hoạch số 01-KH/ĐU ngày 07/7/2025 của Ban Chấp hành Đảng bộ phường về Đại hội đại biểu"
                        + " Đảng bộ phường An Dương lần thứ I, nhiệm kỳ 2025-2030; Kế hoạch số 05-KH/ĐU"));
        assertThat(text.blocks().get(0).where()).isEqualTo("dòng 3");
        DocumentText markdown = read("000_c09283dee7dc6ffb", "txt");
        assertThat(markdown.format()).isEqualTo(SourceFormat.MARKDOWN);
        assertThat(displayed(markdown)).contains("I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích");
    }
}
