package vn.lantoa.document.layout;

import java.util.ArrayList;
import java.util.List;

import vn.lantoa.document.FormatProfile;
import vn.lantoa.document.layout.Layout.Align;
import vn.lantoa.document.layout.Layout.Block;
import vn.lantoa.document.layout.Layout.Columns;
import vn.lantoa.document.layout.Layout.Para;
import vn.lantoa.document.layout.Layout.Span;
import vn.lantoa.shared.VietnameseText;

/**
 * Builds a {@link Layout} in the profile's styles: the header, kind and title, body paragraphs and headings, the
 * signature area. Shared by plans and reports so that both have one form. All text is made NFC here, before either
 * writer sees it.
 */
class Builder {

    final FormatProfile profile;
    final Layout.Page page;
    final List<Block> blocks = new ArrayList<>();
    final float bodySize;
    final float lineHeight;

    Builder(FormatProfile profile) {
        this.profile = profile;
        this.page = new Layout.Page(profile.mmAsPt("page.widthMm"), profile.mmAsPt("page.heightMm"),
                profile.mmAsPt("margin.topMm"), profile.mmAsPt("margin.bottomMm"), profile.mmAsPt("margin.leftMm"),
                profile.mmAsPt("margin.rightMm"));
        this.bodySize = profile.pt("body.size");
        this.lineHeight = profile.pt("body.lineSpacingPt");
    }

    Layout build(String title) {
        return new Layout(page, profile.text("font.family"), blocks,
                new Layout.PageNumbers((int) profile.number("pageNumber.fromPage"), profile.pt("pageNumber.size"),
                        profile.text("pageNumber.position")),
                nfc(title));
    }

    static String nfc(String text) {
        return text == null ? "" : VietnameseText.nfc(text);
    }

    static String upper(String text) {
        return VietnameseText.upper(nfc(text));
    }

    static Span span(String text, boolean bold, boolean italic, boolean underline) {
        return new Span(nfc(text), bold, italic, underline);
    }

    /** Single line height for a size (header and signature lines): 1.2 × size, rounded to the half point. */
    static float single(float size) {
        return Math.round(size * 2.4f) / 2f;
    }

    static Para line(String text, float size, boolean bold, boolean italic, Align align, float rule) {
        return new Para(List.of(span(text, bold, italic, false)), align, size, 0, 0, 0, 0, single(size), rule, false);
    }

    /** The width of a rule the profile gives as a fraction of its line's text, within the column. */
    static float rule(String text, float size, boolean bold, double fraction, float column) {
        if (fraction <= 0) {
            return 0;
        }
        float width = Math.min(Fonts.get().width(nfc(text), bold, false, size), column);
        return (float) (width * fraction);
    }

    // ---- the header

    /**
     * The two-column header: superior and issuer (rule or asterisk), number on the left; nation, motto (rule) and
     * place-date on the right.
     */
    void header(String superior, String issuer, String numberLine, String dateLine) {
        float leftFraction = (float) (profile.number("header.leftColumnPercent") / 100.0);
        float leftWidth = page.textWidth() * leftFraction;
        float rightWidth = page.textWidth() - leftWidth;
        List<Para> left = new ArrayList<>();
        if (superior != null && !superior.isBlank()) {
            left.add(line(upper(superior), profile.pt("header.superior.size"), profile.flag("header.superior.bold"),
                    false, Align.CENTER, 0));
        }
        float issuerSize = profile.pt("header.issuer.size");
        String issuerText = upper(issuer);
        left.add(line(issuerText, issuerSize, profile.flag("header.issuer.bold"), false, Align.CENTER,
                rule(issuerText, issuerSize, true, profile.number("header.issuer.ruleFraction"), leftWidth)));
        String mark = profile.text("header.issuer.mark");
        if (!mark.isEmpty()) {
            left.add(line(mark, issuerSize, false, false, Align.CENTER, 0));
        }
        Para number = line(numberLine, profile.pt("number.size"), false, false, Align.CENTER, 0);
        left.add(withSpaceBefore(number, mark.isEmpty() ? 6 : 0));

        List<Para> right = new ArrayList<>();
        String nation = profile.text("header.nation.text");
        float nationSize = profile.pt("header.nation.size");
        right.add(line(nation, nationSize, true, false, Align.CENTER,
                rule(nation, nationSize, true, profile.number("header.nation.ruleFraction"), rightWidth)));
        String motto = profile.text("header.motto.text");
        if (!motto.isEmpty()) {
            float mottoSize = profile.pt("header.motto.size");
            right.add(line(motto, mottoSize, true, false, Align.CENTER,
                    rule(motto, mottoSize, true, profile.number("header.motto.ruleFraction"), rightWidth)));
        }
        right.add(withSpaceBefore(line(dateLine, profile.pt("date.size"), false, profile.flag("date.italic"),
                Align.CENTER, 0), motto.isEmpty() ? 12 : 6));
        blocks.add(new Columns(leftFraction, left, right));
    }

    static Para withSpaceBefore(Para p, float before) {
        return new Para(p.spans(), p.align(), p.size(), p.firstIndent(), p.leftIndent(), before, p.spaceAfter(),
                p.lineHeight(), p.rule(), p.keepWithNext());
    }

    /** The document's kind ("KẾ HOẠCH") and its title (trích yếu) with the rule under it. */
    void kindAndTitle(String kind, String title) {
        float kindSize = profile.pt("kind.size");
        blocks.add(withSpaceBefore(line(upper(kind), kindSize, true, false, Align.CENTER, 0), 18));
        if (title != null && !title.isBlank()) {
            float size = profile.pt("title.size");
            String t = capitalized(nfc(title));
            float width = Math.min(Fonts.get().width(t, true, false, size), page.textWidth());
            blocks.add(new Para(List.of(span(t, true, false, false)), Align.CENTER, size, 0, 0, 0, 0, single(size),
                    (float) (width * profile.number("title.ruleFraction")), false));
        }
        blocks.add(new Para(List.of(), Align.LEFT, bodySize, 0, 0, 0, 0, single(bodySize), 0, false));
    }

    static String capitalized(String text) {
        if (text.isEmpty()) {
            return text;
        }
        int first = text.codePointAt(0);
        return new String(Character.toChars(Character.toUpperCase(first))) + text.substring(Character.charCount(first));
    }

    // ---- the body

    /** A body paragraph: justified, first-line indent, the profile's size, spacing and line height. */
    void body(String text) {
        body(List.of(span(text, false, false, false)));
    }

    void body(List<Span> spans) {
        blocks.add(new Para(spans, Align.JUSTIFY, bodySize, profile.mmAsPt("body.firstIndentMm"), 0, 0,
                profile.pt("body.spaceAfterPt"), lineHeight, 0, false));
    }

    /** A heading: bold, indented as a paragraph, kept with what follows. */
    void heading(String text) {
        blocks.add(new Para(List.of(span(text, true, false, false)), Align.JUSTIFY, bodySize,
                profile.mmAsPt("body.firstIndentMm"), 0, 0, profile.pt("body.spaceAfterPt"), lineHeight, 0, true));
    }

    /** Ends the body text with the profile's ending ("./." or "."), in place of the last paragraph's own stop. */
    void endBody() {
        for (int i = blocks.size() - 1; i >= 0; i--) {
            if (blocks.get(i) instanceof Para p && !p.spans().isEmpty() && p.align() == Align.JUSTIFY) {
                List<Span> spans = new ArrayList<>(p.spans());
                Span last = spans.get(spans.size() - 1);
                String text = last.text().replaceAll("[\\s.;,:!]+$", "") + profile.text("body.end");
                spans.set(spans.size() - 1, new Span(text, last.bold(), last.italic(), last.underline()));
                blocks.set(i, new Para(spans, p.align(), p.size(), p.firstIndent(), p.leftIndent(), p.spaceBefore(),
                        p.spaceAfter(), p.lineHeight(), p.rule(), p.keepWithNext()));
                return;
            }
        }
    }

    // ---- the signature area

    /**
     * "Nơi nhận" with its list on the left (each line "- …" ended by the profile's separator, the archive line last),
     * the signature on the right: authority lines and position in capitals, the space to sign, the name.
     */
    void signature(List<String> recipients, String draftingUnit, List<String> authority, String position,
            String name) {
        List<Para> left = new ArrayList<>();
        String style = profile.text("recipients.labelStyle");
        float labelSize = profile.pt("recipients.labelSize");
        left.add(new Para(List.of(span(profile.text("recipients.label"), style.contains("bold"),
                style.contains("italic"), style.contains("underline"))), Align.LEFT, labelSize, 0, 0, 0, 0,
                single(labelSize), 0, false));
        float size = profile.pt("recipients.size");
        String separator = profile.text("recipients.separator");
        List<String> items = new ArrayList<>();
        String archive = null;
        for (String r : recipients) {
            String clean = nfc(r).strip().replaceAll("^[-–+•]\\s*", "").replaceAll("[\\s.;,]+$", "");
            if (clean.isEmpty()) {
                continue;
            }
            if (clean.startsWith("Lưu") && archive == null) {
                archive = clean + ".";
            } else {
                items.add(clean);
            }
        }
        if (archive == null) {
            String unit = draftingUnit == null || draftingUnit.isBlank() ? null : draftingUnit.strip();
            archive = profile.text("recipients.archive");
            archive = unit == null ? archive.replace(", {unit}", "").replace("{unit}", "") : archive.replace("{unit}", unit);
        }
        for (String item : items) {
            left.add(line("- " + item + separator, size, false, false, Align.LEFT, 0));
        }
        left.add(line("- " + archive, size, false, false, Align.LEFT, 0));

        List<Para> right = new ArrayList<>();
        float signSize = profile.pt("signer.size");
        for (String a : authority) {
            right.add(line(upper(a), signSize, true, false, Align.CENTER, 0));
        }
        if (position != null && !position.isBlank()) {
            right.add(line(upper(position), signSize, true, false, Align.CENTER, 0));
        }
        int gap = (int) profile.number("signer.nameGapLines");
        if (name != null && !name.isBlank()) {
            right.add(withSpaceBefore(line(name, signSize, true, false, Align.CENTER, 0), gap * single(signSize)));
        }
        blocks.add(new Columns((float) (profile.number("signature.leftColumnPercent") / 100.0), left, right));
    }
}
