package vn.lantoa.document;

import vn.lantoa.document.docx.DocxWriter;
import vn.lantoa.document.layout.Layout;
import vn.lantoa.document.layout.PlanLayout;
import vn.lantoa.document.layout.ReportLayout;
import vn.lantoa.document.pdf.PdfWriter;
import vn.lantoa.planformat.Plan;

/**
 * Renders plans and reports as official documents, in the form of the profile valid on their issue date. Plain Java
 * and thread-safe: the command line holds one, the application one bean.
 */
public final class DocumentRenderer {

    private final FormatProfiles profiles;

    public DocumentRenderer(FormatProfiles profiles) {
        this.profiles = profiles;
    }

    /** With the bundled profiles. */
    public static DocumentRenderer bundled() {
        return new DocumentRenderer(FormatProfiles.bundled());
    }

    public FormatProfiles profiles() {
        return profiles;
    }

    /** The profile a plan is rendered and checked by: its system's, valid on its issue date. */
    public FormatProfile profileOf(Plan plan) {
        return profiles.forDate(plan.document().system(), plan.document().issuedOn());
    }

    public byte[] render(Plan plan, DocumentFormat format) {
        return render(plan, format, RenderOptions.NONE);
    }

    public byte[] render(Plan plan, DocumentFormat format, RenderOptions options) {
        return write(PlanLayout.of(plan, profileOf(plan), options), format);
    }

    public byte[] render(ReportDocument report, DocumentFormat format) {
        FormatProfile profile = profiles.forDate(report.system(), report.issuedOn());
        return write(ReportLayout.of(report, profile), format);
    }

    private static byte[] write(Layout layout, DocumentFormat format) {
        return format == DocumentFormat.DOCX ? DocxWriter.write(layout) : PdfWriter.write(layout);
    }
}
