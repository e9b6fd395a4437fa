package vn.lantoa.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The TCVN3 and VNI tables, on samples known from real documents and on generated round trips. */
class LegacyEncodingTest {

    private static final String SAMPLE = "cộng hòa xã hội chủ nghĩa việt nam độc lập tự do hạnh phúc kế hoạch tuyên truyền "
            + "đại hội đại biểu đảng bộ phường lần thứ nhất ủy ban nhân dân thành phố ngày tháng năm thường vụ "
            + "khẩn trương ưu tiên người lao động giữ gìn bản sắc";

    @Test
    void tcvn3AsWordKeepsItReadsAsUnicode() {
        assertThat(LegacyEncoding.fromTcvn3("Céng hoµ x· héi chñ nghÜa ViÖt Nam", false))
                .isEqualTo("Cộng hoà xã hội chủ nghĩa Việt Nam");
        assertThat(LegacyEncoding.fromTcvn3("B¶o Th¾ng, M\u00adêng Kh\u00ad¬ng, B¸t X¸t, §¶ng", false))
                .isEqualTo("Bảo Thắng, Mường Khương, Bát Xát, Đảng");
        assertThat(LegacyEncoding.fromTcvn3("kÕ ho¹ch", true)).isEqualTo("KẾ HOẠCH");
    }

    @Test
    void vniAsWordKeepsItReadsAsUnicode() {
        assertThat(LegacyEncoding.fromVni("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam")).isEqualTo("Cộng hòa xã hội chủ nghĩa Việt Nam");
        assertThat(LegacyEncoding.fromVni("Ñaûng boä Tröôøng Ñaïi hoïc")).isEqualTo("Đảng bộ Trường Đại học");
        assertThat(LegacyEncoding.fromVni("KEÁ HOAÏCH")).isEqualTo("KẾ HOẠCH");
    }

    @Test
    void generatedSamplesRoundTripAndAreDetected() {
        assertThat(LegacyEncoding.fromTcvn3(LegacyEncoding.toTcvn3(SAMPLE), false)).isEqualTo(SAMPLE);
        assertThat(LegacyEncoding.fromVni(LegacyEncoding.toVni(SAMPLE))).isEqualTo(SAMPLE);
        String upper = SAMPLE.toUpperCase(java.util.Locale.forLanguageTag("vi"));
        assertThat(LegacyEncoding.fromVni(LegacyEncoding.toVni(upper))).isEqualTo(upper);
        assertThat(LegacyEncoding.detect(LegacyEncoding.toTcvn3(SAMPLE)).kind()).isEqualTo(LegacyEncoding.Kind.TCVN3);
        assertThat(LegacyEncoding.detect(LegacyEncoding.toVni(SAMPLE)).kind()).isEqualTo(LegacyEncoding.Kind.VNI);
        assertThat(LegacyEncoding.detect(SAMPLE)).isNull(); // Unicode stays as it is
        byte[] cp1258 = windows1258(SAMPLE);
        LegacyEncoding.Converted converted = LegacyEncoding.detect(cp1258);
        assertThat(converted.kind()).isEqualTo(LegacyEncoding.Kind.WINDOWS_1258);
        assertThat(converted.text()).isEqualTo(SAMPLE);
    }

    /** Windows-1258 as Vietnamese keyboards wrote it: â ê ô ă ơ ư đ precomposed, the tone as a combining mark. */
    static byte[] windows1258(String text) {
        String nfd = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < nfd.length(); i++) {
            char c = nfd.charAt(i);
            if ((c == '\u0302' || c == '\u0306' || c == '\u031b') && out.length() > 0) {
                int b = out.length() - 1; // NFD puts the dot below before the circumflex: find the letter
                while (b > 0 && Character.getType(out.charAt(b)) == Character.NON_SPACING_MARK) {
                    b--;
                }
                out.setCharAt(b, java.text.Normalizer.normalize("" + out.charAt(b) + c, java.text.Normalizer.Form.NFC).charAt(0));
            } else {
                out.append(c);
            }
        }
        return out.toString().getBytes(Charset.forName("windows-1258"));
    }

    @Test
    void wordRunsInLegacyFontsAreConvertedWithAWarning() throws Exception {
        String body = "<w:p><w:r><w:rPr><w:rFonts w:ascii=\".VnTimeH\" w:hAnsi=\".VnTimeH\"/></w:rPr><w:t>kÕ ho¹ch</w:t></w:r></w:p>"
                + "<w:p><w:r><w:rPr><w:rFonts w:ascii=\"VNI-Times\" w:hAnsi=\"VNI-Times\"/></w:rPr><w:t>Tuyeân truyeàn Ñaïi hoäi</w:t></w:r></w:p>"
                + "<w:p><w:r><w:t>Unicode vẫn là Unicode</w:t></w:r></w:p>";
        java.nio.file.Path file = java.nio.file.Files.createTempFile("lantoa-test-", ".docx");
        try {
            java.nio.file.Files.write(file, HostileFiles.docx(HostileFiles.documentXml(body), Map.of()));
            DocumentText text = new DocumentReader(ImportLimits.DEFAULT).read(file, "cu.docx");
            assertThat(text.blocks()).extracting(TextBlock::text)
                    .containsExactly("KẾ HOẠCH", "Tuyên truyền Đại hội", "Unicode vẫn là Unicode");
            assertThat(text.warnings()).extracting(w -> w.code()).containsExactly("legacy-encoding", "legacy-encoding");
            assertThat(text.warnings().get(0).where()).contains(".VnTimeH");
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }
}
