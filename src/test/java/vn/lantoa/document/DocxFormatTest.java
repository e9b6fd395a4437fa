package vn.lantoa.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblBorders;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STLineSpacingRule;

import vn.lantoa.planformat.Plan;

/**
 * Reads the produced DOCX and checks the profile's numbers: A4, the margins, Times New Roman on every run, the sizes
 * and styles of the header, kind, title, body and signature, the borderless two-column header table with its rules,
 * the justified body with its first-line indent, and the page number field shown from the second page.
 */
class DocxFormatTest {

    private final DocumentRenderer renderer = DocumentRenderer.bundled();

    static BigInteger twipsOfMm(double mm) {
        return BigInteger.valueOf(Math.round(mm * 72 / 25.4 * 20));
    }

    static BigInteger twipsOfPt(double pt) {
        return BigInteger.valueOf(Math.round(pt * 20));
    }

    @ParameterizedTest
    @ValueSource(strings = {"state-commune", "party-district"})
    void theDocxHasTheProfilesNumbers(String name) throws Exception {
        Plan plan = TestPlans.plan(name);
        FormatProfile profile = renderer.profileOf(plan);
        try (XWPFDocument doc = Rendered.docx(renderer.render(plan, DocumentFormat.DOCX))) {
            // page and margins (ND30 PL I mục II; HD36 mục I): A4, within the ranges the texts allow
            CTSectPr sect = doc.getDocument().getBody().getSectPr();
            assertThat(sect.getPgSz().getW()).isEqualTo(BigInteger.valueOf(11906));
            assertThat(sect.getPgSz().getH()).isEqualTo(BigInteger.valueOf(16838));
            assertThat(sect.getPgSz().getW()).isEqualTo(twipsOfMm(profile.number("page.widthMm")));
            var mar = sect.getPgMar();
            assertThat(big(mar.getTop())).isEqualTo(twipsOfMm(profile.number("margin.topMm")));
            assertThat(big(mar.getBottom())).isEqualTo(twipsOfMm(profile.number("margin.bottomMm")));
            assertThat(big(mar.getLeft())).isEqualTo(twipsOfMm(profile.number("margin.leftMm")));
            assertThat(big(mar.getRight())).isEqualTo(twipsOfMm(profile.number("margin.rightMm")));
            assertThat(toMm(big(mar.getTop()))).isBetween(20.0 - 0.05, 25.0 + 0.05);
            assertThat(toMm(big(mar.getBottom()))).isBetween(20.0 - 0.05, 25.0 + 0.05);
            assertThat(toMm(big(mar.getLeft()))).isBetween(30.0 - 0.05, 35.0 + 0.05);
            assertThat(toMm(big(mar.getRight()))).isBetween(15.0 - 0.05, 20.0 + 0.05);

            // Times New Roman on every run of the body, the tables and the header
            List<XWPFRun> runs = new ArrayList<>();
            List<XWPFParagraph> bodyParas = new ArrayList<>();
            for (IBodyElement e : doc.getBodyElements()) {
                if (e instanceof XWPFParagraph p) {
                    bodyParas.add(p);
                    runs.addAll(p.getRuns());
                } else if (e instanceof XWPFTable t) {
                    t.getRows().forEach(r -> r.getTableCells().forEach(c -> c.getParagraphs()
                            .forEach(p -> runs.addAll(p.getRuns()))));
                }
            }
            doc.getHeaderList().forEach(h -> h.getParagraphs().forEach(p -> runs.addAll(p.getRuns())));
            assertThat(runs).isNotEmpty().allMatch(r -> "Times New Roman".equals(r.getFontFamily()));
            assertThat(profile.text("font.family")).isEqualTo("Times New Roman");

            // the header: a two-column table without borders
            XWPFTable header = (XWPFTable) doc.getBodyElements().get(0);
            assertThat(header.getRows()).hasSize(1);
            assertThat(header.getRow(0).getTableCells()).hasSize(2);
            CTTblBorders borders = header.getCTTbl().getTblPr().getTblBorders();
            for (CTBorder b : List.of(borders.getTop(), borders.getBottom(), borders.getLeft(), borders.getRight(),
                    borders.getInsideH(), borders.getInsideV())) {
                assertThat(b.getVal()).isEqualTo(STBorder.NONE);
            }
            XWPFTableCell left = header.getRow(0).getCell(0);
            XWPFTableCell right = header.getRow(0).getCell(1);
            XWPFRun issuer = runWith(left, plan.document().issuer().toUpperCase(java.util.Locale.ROOT).substring(0, 5));
            assertThat(issuer.getFontSizeAsDouble()).isEqualTo(profile.number("header.issuer.size"));
            assertThat(issuer.isBold()).isEqualTo(profile.flag("header.issuer.bold"));
            XWPFRun nation = runWith(right, profile.text("header.nation.text"));
            assertThat(nation.getFontSizeAsDouble()).isEqualTo(profile.number("header.nation.size"));
            assertThat(nation.isBold()).isTrue();
            XWPFRun number = runWith(left, profile.text("number.prefix").strip());
            assertThat(number.getFontSizeAsDouble()).isEqualTo(profile.number("number.size"));
            XWPFRun date = runWith(right, ", ngày ");
            assertThat(date.getFontSizeAsDouble()).isEqualTo(profile.number("date.size"));
            assertThat(date.isItalic()).isEqualTo(profile.flag("date.italic"));
            // the rule under the nation line (Party) or under the motto (State): a bottom border in the right cell
            assertThat(right.getParagraphs()).anyMatch(DocxFormatTest::isRule);
            if (profile.number("header.issuer.ruleFraction") > 0) {
                assertThat(left.getParagraphs()).anyMatch(DocxFormatTest::isRule);
            } else {
                assertThat(left.getParagraphs()).noneMatch(DocxFormatTest::isRule);
                assertThat(left.getParagraphs()).anyMatch(p -> p.getText().equals(profile.text("header.issuer.mark")));
            }
            if (!profile.text("header.motto.text").isEmpty()) {
                XWPFRun motto = runWith(right, profile.text("header.motto.text"));
                assertThat(motto.getFontSizeAsDouble()).isEqualTo(profile.number("header.motto.size"));
            }

            // kind and title centred, bold, at their sizes
            XWPFParagraph kind = bodyParas.stream().filter(p -> p.getText().equals("KẾ HOẠCH")).findFirst().orElseThrow();
            assertThat(kind.getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
            assertThat(kind.getRuns().get(0).isBold()).isTrue();
            assertThat(kind.getRuns().get(0).getFontSizeAsDouble()).isEqualTo(profile.number("kind.size"));
            XWPFParagraph title = bodyParas.get(bodyParas.indexOf(kind) + 1);
            assertThat(title.getText()).containsIgnoringCase(plan.document().title().substring(1, 20));
            assertThat(title.getRuns().get(0).getFontSizeAsDouble()).isEqualTo(profile.number("title.size"));
            assertThat(isRule(bodyParas.get(bodyParas.indexOf(kind) + 2))).isTrue();

            // the body: justified, first-line indent, the profile's size, spacing and line height
            List<XWPFParagraph> body = bodyParas.stream().filter(p -> p.getAlignment() == ParagraphAlignment.BOTH
                    && !p.getRuns().isEmpty()).toList();
            assertThat(body).hasSizeGreaterThan(5);
            for (XWPFParagraph p : body) {
                assertThat(p.getCTP().getPPr().getInd().getFirstLine())
                        .isEqualTo(twipsOfMm(profile.number("body.firstIndentMm")));
                assertThat(p.getRuns()).allMatch(r -> r.getFontSizeAsDouble() == profile.number("body.size"));
                assertThat(p.getSpacingAfter()).isEqualTo(twipsOfPt(profile.number("body.spaceAfterPt")).intValue());
                var spacing = p.getCTP().getPPr().getSpacing();
                assertThat(big(spacing.getLine())).isEqualTo(twipsOfPt(profile.number("body.lineSpacingPt")));
                assertThat(spacing.getLineRule()).isEqualTo(STLineSpacingRule.EXACT);
            }

            // the signature area: a borderless two-column table, Nơi nhận left, signer right
            XWPFTable signature = (XWPFTable) doc.getBodyElements().get(doc.getBodyElements().size() - 1);
            XWPFTableCell recipients = signature.getRow(0).getCell(0);
            XWPFRun label = runWith(recipients, profile.text("recipients.label"));
            assertThat(label.getFontSizeAsDouble()).isEqualTo(profile.number("recipients.labelSize"));
            String style = profile.text("recipients.labelStyle");
            assertThat(label.isBold()).isEqualTo(style.contains("bold"));
            assertThat(label.isItalic()).isEqualTo(style.contains("italic"));
            assertThat(recipients.getParagraphs().get(1).getRuns().get(0).getFontSizeAsDouble())
                    .isEqualTo(profile.number("recipients.size"));
            XWPFRun signer = runWith(signature.getRow(0).getCell(1), plan.document().signer().name());
            assertThat(signer.getFontSizeAsDouble()).isEqualTo(profile.number("signer.size"));
            assertThat(signer.isBold()).isTrue();

            // page numbers from page 2: a different first page (titlePg) with an empty header, PAGE in the others
            assertThat(sect.isSetTitlePg()).isTrue();
            XWPFHeader first = doc.getHeaderFooterPolicy().getFirstPageHeader();
            assertThat(first.getText()).isBlank();
            XWPFHeader other = doc.getHeaderFooterPolicy().getDefaultHeader();
            assertThat(other.getParagraphs().get(0).getCTP().xmlText()).contains("PAGE");
            assertThat(other.getParagraphs().get(0).getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
            assertThat(other.getParagraphs().get(0).getRuns().get(0).getFontSizeAsDouble())
                    .isEqualTo(profile.number("pageNumber.size"));
        }
    }

    private static BigInteger big(Object twips) {
        return new BigInteger(twips.toString());
    }

    private static double toMm(BigInteger twips) {
        return twips.doubleValue() / 20 * 25.4 / 72;
    }

    private static boolean isRule(XWPFParagraph p) {
        var ppr = p.getCTP().getPPr();
        return ppr != null && ppr.isSetPBdr() && ppr.getPBdr().isSetBottom()
                && ppr.getPBdr().getBottom().getVal() == STBorder.SINGLE;
    }

    private static XWPFRun runWith(XWPFTableCell cell, String text) {
        for (XWPFParagraph p : cell.getParagraphs()) {
            for (XWPFRun r : p.getRuns()) {
                if (r.text() != null && r.text().contains(text)) {
                    return r;
                }
            }
        }
        throw new AssertionError("no run with " + text + " in " + cell.getText());
    }
}
