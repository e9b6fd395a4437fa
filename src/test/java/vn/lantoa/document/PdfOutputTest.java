package vn.lantoa.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.lantoa.planformat.Plan;
import vn.lantoa.planformat.PlanJson;

/**
 * The PDF: A4, the bundled Liberation Serif embedded, the Vietnamese text extracted intact and NFC (even from NFD
 * input), and the first page's picture against a reviewed reference image.
 */
class PdfOutputTest {

    /** Resolution of the picture test: enough to see a misplaced line or mark, small enough to commit. */
    static final float DPI = 60;
    /** A pixel differs when its grey level moves by more than this. */
    static final int LEVEL = 64;
    /** Share of differing pixels allowed (antialiasing differences between Java versions). */
    static final double TOLERANCE = 0.004;

    private final DocumentRenderer renderer = DocumentRenderer.bundled();

    @ParameterizedTest
    @ValueSource(strings = {"state-commune", "party-district"})
    void theTextIsVietnameseIntactAndNfc(String name) throws IOException {
        Plan plan = TestPlans.plan(name);
        byte[] pdf = renderer.render(plan, DocumentFormat.PDF);
        String text = String.join("\n", Rendered.pdfPages(pdf, false));
        assertThat(Normalizer.isNormalized(text, Normalizer.Form.NFC)).isTrue();
        String flat = text.replace("\n", " ");
        assertThat(flat).doesNotContain("?").contains(plan.document().signer().name(),
                plan.document().issuer().toUpperCase(java.util.Locale.ROOT), plan.document().title().substring(1));
        for (String slogan : plan.slogans()) {
            assertThat(flat).contains(slogan);
        }
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDRectangle box = doc.getPage(0).getMediaBox();
            assertThat(box.getWidth()).isCloseTo(595.28f, org.assertj.core.data.Offset.offset(0.1f));
            assertThat(box.getHeight()).isCloseTo(841.89f, org.assertj.core.data.Offset.offset(0.1f));
            for (var fontName : doc.getPage(0).getResources().getFontNames()) {
                PDFont font = doc.getPage(0).getResources().getFont(fontName);
                assertThat(font.getName()).contains("LiberationSerif");
                assertThat(font.isEmbedded()).isTrue();
            }
        }
    }

    @Test
    void decomposedInputComesOutComposed() {
        String json = TestPlans.json("state-commune");
        String nfd = Normalizer.normalize(json, Normalizer.Form.NFD);
        assertThat(nfd).isNotEqualTo(json);
        Plan plan = PlanJson.read(nfd);
        String text = String.join("\n", Rendered.pdfPages(renderer.render(plan, DocumentFormat.PDF), false));
        assertThat(text).contains("Trần Thị Bích Ngọc", "TM. ỦY BAN NHÂN DÂN", "Độc lập - Tự do - Hạnh phúc");
        assertThat(Normalizer.isNormalized(text, Normalizer.Form.NFC)).isTrue();
        List<String> docx = Rendered.docxLines(renderer.render(plan, DocumentFormat.DOCX));
        assertThat(docx).contains("Trần Thị Bích Ngọc").allMatch(l -> Normalizer.isNormalized(l, Normalizer.Form.NFC));
    }

    /**
     * The first page as a picture against the reviewed reference in test resources. To review a change of the
     * layout: run with {@code -Ddocument.writeReferences=true}, look at the new PNGs, commit them.
     */
    @ParameterizedTest
    @ValueSource(strings = {"state-commune", "party-district"})
    void theFirstPageLooksAsReviewed(String name) throws IOException {
        BufferedImage actual = firstPage(renderer.render(TestPlans.plan(name), DocumentFormat.PDF));
        Path out = Files.createDirectories(Path.of("target", "render")).resolve(name + ".page1.png");
        ImageIO.write(actual, "png", out.toFile());
        if (Boolean.getBoolean("document.writeReferences")) {
            Path ref = Path.of("src/test/resources/vn/lantoa/document/pictures", name + ".page1.png");
            Files.createDirectories(ref.getParent());
            ImageIO.write(actual, "png", ref.toFile());
        }
        BufferedImage reference;
        try (InputStream in = getClass().getResourceAsStream("pictures/" + name + ".page1.png")) {
            assertThat(in).as("reference picture of " + name).isNotNull();
            reference = ImageIO.read(in);
        }
        assertThat(actual.getWidth()).isEqualTo(reference.getWidth());
        assertThat(actual.getHeight()).isEqualTo(reference.getHeight());
        assertThat(differing(actual, reference)).as("share of pixels differing from the reference (see %s)", out).isLessThanOrEqualTo(TOLERANCE);
    }

    /** The comparison sees a change: a plan with another date line and signer is outside the tolerance. */
    @Test
    void theComparisonSeesASmallChange() throws IOException {
        BufferedImage original = firstPage(renderer.render(TestPlans.plan("state-commune"), DocumentFormat.PDF));
        Plan changed = PlanJson.read(TestPlans.json("state-commune").replace("\"issuedOn\": \"2026-01-05\"",
                "\"issuedOn\": \"2026-11-25\"").replace("Đợt 1", "Đợt thứ nhất"));
        BufferedImage other = firstPage(renderer.render(changed, DocumentFormat.PDF));
        assertThat(differing(original, other)).isGreaterThan(TOLERANCE);
    }

    /** The share of pixels whose grey level differs by more than {@link #LEVEL}. */
    static double differing(BufferedImage a, BufferedImage b) {
        long differing = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (Math.abs(a.getRaster().getSample(x, y, 0) - b.getRaster().getSample(x, y, 0)) > LEVEL) {
                    differing++;
                }
            }
        }
        return (double) differing / (a.getWidth() * a.getHeight());
    }

    static BufferedImage firstPage(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFRenderer(doc).renderImageWithDPI(0, DPI, ImageType.GRAY);
        }
    }
}
