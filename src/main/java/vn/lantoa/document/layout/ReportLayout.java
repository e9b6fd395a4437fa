package vn.lantoa.document.layout;

import java.util.ArrayList;
import java.util.List;

import vn.lantoa.document.FormatProfile;
import vn.lantoa.document.ReportDocument;
import vn.lantoa.document.layout.Layout.Align;
import vn.lantoa.document.layout.Layout.Para;
import vn.lantoa.planformat.DocumentHeader;
import vn.lantoa.planformat.Signer;

/**
 * A report (BÁO CÁO) laid out: the header, kind and title, "Kính gửi:" the superior(s), the opening, the sections
 * with their tables of figures, the ending and the signature area.
 */
public final class ReportLayout {

    private ReportLayout() {
    }

    public static Layout of(ReportDocument report, FormatProfile profile) {
        DocumentHeader d = report.document();
        Builder b = new Builder(profile);
        String kind = d.kind() == null ? "BC" : d.kind();
        b.header(report.superior(), d.issuer(), PlanLayout.numberLine(d, profile),
                Words.dateLine(d.place(), d.issuedOn(), profile));
        b.kindAndTitle(Words.kindName(kind), d.title());
        addressees(b, report.addressees());
        report.opening().forEach(b::body);
        int n = 0;
        for (ReportDocument.Section s : report.sections()) {
            section(b, s, Roman.of(++n) + ". ", "");
        }
        b.endBody();
        Signer s = d.signer();
        List<String> authority = new ArrayList<>();
        if (s != null && s.authority() != null) {
            for (String part : s.authority().split(",\\s*")) {
                if (!part.isBlank()) {
                    authority.add(part.strip());
                }
            }
        }
        b.blocks.add(new Para(List.of(), Align.LEFT, b.bodySize, 0, 0, 0, 0, Builder.single(b.bodySize), 0, false));
        b.signature(report.recipients(), report.draftingUnit(), authority, s == null ? null : s.position(),
                s == null ? null : s.name());
        return b.build(Words.kindName(kind) + " " + (d.title() == null ? "" : d.title()));
    }

    /** "Kính gửi: Ban Thường vụ Tỉnh ủy." on one line, or the label then "- …;" lines for several. */
    private static void addressees(Builder b, List<String> to) {
        if (to.isEmpty()) {
            return;
        }
        String label = Words.get("report.addressee");
        float size = b.bodySize;
        if (to.size() == 1) {
            b.blocks.add(new Para(List.of(Builder.span(label + " " + to.get(0).strip() + ".", false, false, false)),
                    Align.CENTER, size, 0, 0, 0, b.profile.pt("body.spaceAfterPt"), b.lineHeight, 0, false));
            return;
        }
        b.blocks.add(new Para(List.of(Builder.span(label, false, false, false)), Align.CENTER, size, 0, 0, 0, 0,
                b.lineHeight, 0, false));
        for (int i = 0; i < to.size(); i++) {
            String end = i == to.size() - 1 ? "." : ";";
            b.blocks.add(new Para(List.of(Builder.span("- " + to.get(i).strip() + end, false, false, false)),
                    Align.LEFT, size, 0, b.page.textWidth() * 0.3f, 0, 0, b.lineHeight, 0, false));
        }
    }

    private static void section(Builder b, ReportDocument.Section s, String number, String prefix) {
        b.heading(number + (prefix.isEmpty() ? Builder.upper(s.heading()) : s.heading()));
        s.paragraphs().forEach(b::body);
        for (ReportDocument.Figures f : s.tables()) {
            figures(b, f);
        }
        int n = 0;
        for (ReportDocument.Section sub : s.sections()) {
            String p = prefix + (++n) + ".";
            section(b, sub, p + " ", p);
        }
    }

    /** A table of figures: the caption, a bold header row that repeats, labels left, figures right, the total bold. */
    private static void figures(Builder b, ReportDocument.Figures f) {
        float size = Math.max(11, b.bodySize - 2);
        float line = Builder.single(size);
        if (f.caption() != null && !f.caption().isBlank()) {
            b.blocks.add(new Para(List.of(Builder.span(f.caption(), true, false, false)), Align.CENTER, b.bodySize, 0,
                    0, 0, 3, b.lineHeight, 0, true));
        }
        int columns = f.columns().size();
        List<List<List<Para>>> rows = new ArrayList<>();
        rows.add(f.columns().stream().map(c -> List.of(cell(c, size, line, true, Align.CENTER))).toList());
        for (List<String> row : f.rows()) {
            rows.add(row(row, columns, size, line, false));
        }
        if (!f.total().isEmpty()) {
            rows.add(row(f.total(), columns, size, line, true));
        }
        List<Float> widths = new ArrayList<>();
        float first = columns <= 2 ? 0.6f : Math.max(0.3f, 1f - 0.14f * (columns - 1));
        widths.add(first);
        for (int i = 1; i < columns; i++) {
            widths.add((1f - first) / (columns - 1));
        }
        b.blocks.add(new Layout.Grid(widths, rows, 1));
    }

    private static List<List<Para>> row(List<String> row, int columns, float size, float line, boolean bold) {
        List<List<Para>> cells = new ArrayList<>();
        for (int i = 0; i < columns; i++) {
            String text = i < row.size() && row.get(i) != null ? row.get(i) : "";
            cells.add(List.of(cell(text, size, line, bold, i == 0 ? Align.LEFT : Align.RIGHT)));
        }
        return cells;
    }

    private static Para cell(String text, float size, float line, boolean bold, Align align) {
        return new Para(List.of(Builder.span(text, bold, false, false)), align, size, 0, 0, 1, 1, line, 0, false);
    }
}
