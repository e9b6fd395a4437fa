package vn.lantoa.document;

import java.time.LocalDate;
import java.util.List;

import vn.lantoa.planformat.DocumentHeader;
import vn.lantoa.planformat.DocumentSystem;

/**
 * Báo cáo: a unit's periodic report or a consolidated one, as the reporting module will fill it; what the renderer
 * needs to print it in the official form.
 *
 * @param document   the header: kind {@code BC}, number, symbol, system, date, place, issuer, title (trích yếu),
 *                   signer
 * @param superior   the governing body printed above the issuer, or null
 * @param addressees "Kính gửi:" — the superior(s) the report goes to
 * @param opening    paragraphs before the first section
 * @param sections   the sections (I, II …), each with its paragraphs, tables of figures and sub-sections (1, 2 …)
 * @param recipients "Nơi nhận", the archive line last (added from the profile when missing)
 * @param draftingUnit the drafting unit's abbreviation for the State archive line, or null
 */
public record ReportDocument(DocumentHeader document, String superior, List<String> addressees, List<String> opening,
        List<Section> sections, List<String> recipients, String draftingUnit) {

    public ReportDocument {
        addressees = List.copyOf(addressees);
        opening = List.copyOf(opening);
        sections = List.copyOf(sections);
        recipients = List.copyOf(recipients);
    }

    public DocumentSystem system() {
        return document.system();
    }

    public LocalDate issuedOn() {
        return document.issuedOn();
    }

    /**
     * A section: heading (without its number), paragraphs, tables, sub-sections.
     */
    public record Section(String heading, List<String> paragraphs, List<Figures> tables, List<Section> sections) {

        public Section {
            paragraphs = List.copyOf(paragraphs);
            tables = List.copyOf(tables);
            sections = List.copyOf(sections);
        }
    }

    /**
     * A table of figures: per channel or indicator, per unit.
     *
     * @param caption its title, or null
     * @param columns the column headings (the first names the rows: "Đơn vị", "Hình thức")
     * @param rows    each row: its label, then its figures as printed
     * @param total   the total row (label first), or an empty list
     */
    public record Figures(String caption, List<String> columns, List<List<String>> rows, List<String> total) {

        public Figures {
            columns = List.copyOf(columns);
            rows = rows.stream().map(List::copyOf).toList();
            total = List.copyOf(total);
        }
    }
}
