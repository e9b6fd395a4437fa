package vn.lantoa.document.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import vn.lantoa.document.FormatProfile;
import vn.lantoa.document.RenderOptions;
import vn.lantoa.planformat.Assignment;
import vn.lantoa.planformat.Channel;
import vn.lantoa.planformat.DocumentHeader;
import vn.lantoa.planformat.DocumentRef;
import vn.lantoa.planformat.DocumentSystem;
import vn.lantoa.planformat.Phase;
import vn.lantoa.planformat.Plan;
import vn.lantoa.planformat.ReportingDuty;
import vn.lantoa.planformat.Role;
import vn.lantoa.planformat.Signer;
import vn.lantoa.planformat.Task;
import vn.lantoa.planformat.TimeRef;

/**
 * A plan (KẾ HOẠCH) laid out in document order: the header, the kind and title, the bases ("Thực hiện …", "Căn cứ
 * …") and the opening sentence, then one numbered section (I, II, III …) per part the plan has — themes, phases with
 * their content, channels, slogans, assignments with their tasks and dues, reporting — the closing sentence ended as
 * the profile says, and the signature area with the recipients.
 */
public final class PlanLayout {

    /** Kinds of basis that are legal instruments: "Căn cứ"; the others are implemented: "Thực hiện". */
    private static final Set<String> LEGAL = Set.of("QĐ", "NĐ", "L", "TT-BNV", "QyĐ");

    private PlanLayout() {
    }

    public static Layout of(Plan plan, FormatProfile profile, RenderOptions options) {
        DocumentHeader d = plan.document();
        Builder b = new Builder(profile);
        String kind = d.kind() == null ? "KH" : d.kind();
        b.header(options.superior(), d.issuer(), numberLine(d, profile), Words.dateLine(d.place(), d.issuedOn(), profile));
        b.kindAndTitle(Words.kindName(kind), d.title());

        for (DocumentRef ref : plan.bases()) {
            String word = LEGAL.contains(ref.kind()) ? Words.get("basis.legal") : Words.get("basis.implement");
            b.body(word + " " + ref(ref) + ";");
        }
        if (d.issuer() != null) {
            b.body(Words.get("opening", Builder.capitalized(d.issuer()), Words.kindName(kind).toLowerCase(java.util.Locale.ROOT),
                    d.title() == null ? "" : d.title()).replace("  ", " "));
        }

        int section = 0;
        if (!plan.themes().isEmpty()) {
            b.heading(Roman.of(++section) + ". " + Words.get("section.themes"));
            int n = 0;
            for (String theme : plan.themes()) {
                b.body(++n + ". “" + theme + "”.");
            }
        }
        if (!plan.phases().isEmpty()) {
            b.heading(Roman.of(++section) + ". " + Words.get("section.phases"));
            phases(b, plan.phases(), "");
        }
        if (!plan.channels().isEmpty()) {
            b.heading(Roman.of(++section) + ". " + Words.get("section.channels"));
            int n = 0;
            for (Channel c : plan.channels()) {
                b.heading(++n + ". " + (c.title() == null ? "" : c.title()));
                c.items().forEach(item -> b.body("- " + item));
            }
        }
        if (!plan.slogans().isEmpty()) {
            b.heading(Roman.of(++section) + ". " + Words.get("section.slogans"));
            plan.slogans().forEach(s -> b.body("- " + s));
        }
        if (!plan.assignments().isEmpty()) {
            b.heading(Roman.of(++section) + ". " + Words.get("section.assignments"));
            int n = 0;
            for (Assignment a : plan.assignments()) {
                String unit = a.unit() == null ? "" : a.unit();
                b.heading(++n + ". " + (a.role() == Role.REQUESTED ? Words.get("requested", unit) : unit));
                if (a.role() == Role.STANDING && a.tasks().stream().noneMatch(t -> t.text() != null
                        && t.text().contains("thường trực"))) {
                    b.body(Words.get("standing", unit, d.issuer() == null ? "" : d.issuer()) + ".");
                }
                for (Task t : a.tasks()) {
                    b.body("- " + task(t));
                }
            }
        }
        if (!plan.reporting().isEmpty()) {
            b.heading(Roman.of(++section) + ". " + Words.get("section.reporting"));
            plan.reporting().forEach(r -> b.body("- " + reporting(r)));
        }
        if (d.title() != null) {
            b.body(Words.get("closing", Words.kindName(kind).toLowerCase(java.util.Locale.ROOT), d.title()));
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
        b.blocks.add(new Layout.Para(List.of(), Layout.Align.LEFT, b.bodySize, 0, 0, 0, 0, Builder.single(b.bodySize),
                0, false));
        b.signature(plan.recipients(), options.draftingUnit(), authority, s == null ? null : s.position(),
                s == null ? null : s.name());
        return b.build(Words.kindName(kind) + " " + (d.title() == null ? "" : d.title()));
    }

    /** "Số: 05/KH-UBND" (State, the number padded) or "Số 354-KH/TU" (Party); the number left blank when unknown. */
    static String numberLine(DocumentHeader d, FormatProfile profile) {
        String prefix = profile.text("number.prefix");
        String number = d.number();
        String kind = d.kind() == null ? "KH" : d.kind();
        if (number == null || number.isBlank()) {
            String code = code(d);
            String blank = "      ";
            return prefix + profile.text("number.symbolPattern").replace("{number}", blank).replace("{kind}", kind)
                    .replace("{code}", code == null ? "" : code).replaceAll("[-/]$", "");
        }
        String shown = number.strip();
        if (profile.flag("number.padBelowTen") && shown.matches("\\d") ) {
            shown = "0" + shown;
        }
        String symbol = d.symbol();
        if (symbol != null && symbol.startsWith(number.strip())) {
            return prefix + shown + symbol.substring(number.strip().length());
        }
        String code = code(d);
        return prefix + profile.text("number.symbolPattern").replace("{number}", shown).replace("{kind}", kind)
                .replace("{code}", code == null ? "" : code);
    }

    /** The issuer code of the symbol ("UBND" of 15/KH-UBND, "TU" of 354-KH/TU), or null. */
    private static String code(DocumentHeader d) {
        String symbol = d.symbol();
        if (symbol == null) {
            return null;
        }
        if (d.system() == DocumentSystem.PARTY) {
            int slash = symbol.lastIndexOf('/');
            return slash < 0 ? null : symbol.substring(slash + 1);
        }
        int dash = symbol.indexOf('-');
        return dash < 0 ? null : symbol.substring(dash + 1);
    }

    /** "Kế hoạch số 361-KH/TU ngày 23/12/2024 của Ban Thường vụ Tỉnh ủy". */
    static String ref(DocumentRef ref) {
        StringBuilder b = new StringBuilder(Words.get("ref", Words.kindName(ref.kind()), ref.symbol()));
        if (ref.issuedOn() != null) {
            b.append(' ').append(Words.get("ref.date", Words.shortDate(ref.issuedOn())));
        }
        if (ref.issuer() != null && !ref.issuer().isBlank()) {
            b.append(' ').append(Words.get("ref.issuer", ref.issuer()));
        }
        return b.toString();
    }

    private static void phases(Builder b, List<Phase> phases, String prefix) {
        int n = 0;
        for (Phase p : phases) {
            String number = prefix + (++n) + ".";
            String label = p.label() == null ? null : p.label().strip().replaceAll("\\.$", "");
            if (label != null && label.matches("\\d+(\\.\\d+)*")) {
                number = label + "."; // the document's own number ("2.2.1") is the heading's number
                label = null;
            }
            StringBuilder head = new StringBuilder(number).append(' ');
            String time = Words.span(p.start(), p.end());
            if (label != null && !label.isBlank()) {
                head.append(label).append(": ");
                head.append(time.isEmpty() ? "" : time);
                if (p.title() != null && !p.title().isBlank()) {
                    head.append(time.isEmpty() ? "" : ", ").append(p.title().strip());
                }
            } else {
                head.append(time);
                if (p.title() != null && !p.title().isBlank()) {
                    head.append(time.isEmpty() ? "" : ": ").append(p.title().strip());
                }
            }
            b.heading(head.toString());
            p.content().forEach(c -> b.body("- " + c));
            phases(b, p.phases(), number);
        }
    }

    /** A task as written, with its due added when the text does not already say it. */
    static String task(Task t) {
        String text = t.text() == null ? "" : t.text().strip();
        if (t.due() == null || mentions(text, t.due())) {
            return text;
        }
        String due = Words.get("due", Words.get("due.before", Words.time(t.due())));
        return text.replaceAll("[\\s.;]+$", "") + " (" + due + ").";
    }

    /** Whether a text already states the time (its date in a form the documents use). */
    private static boolean mentions(String text, TimeRef due) {
        if (due instanceof TimeRef.Day d) {
            int day = d.date().getDayOfMonth();
            int month = d.date().getMonthValue();
            for (String dd : List.of(String.valueOf(day), (day < 10 ? "0" : "") + day)) {
                for (String mm : List.of(String.valueOf(month), (month < 10 ? "0" : "") + month)) {
                    if (text.contains(dd + "/" + mm + "/" + d.date().getYear())
                            || text.matches("(?s).*\\b" + dd + "/" + mm + "\\b.*")) {
                        return true;
                    }
                }
            }
            return false;
        }
        if (due instanceof TimeRef.Relative r) {
            return text.contains(r.event());
        }
        if (due instanceof TimeRef.Year y) {
            return text.contains(String.valueOf(y.year()));
        }
        if (due instanceof TimeRef.Month m) {
            return text.contains(m.month().getMonthValue() + "/" + m.month().getYear());
        }
        return true;
    }

    /** "Ban Tuyên giáo Thành ủy báo cáo định kỳ hằng quý về Ban Thường vụ Thành ủy trước ngày 20/3/2025, …". */
    static String reporting(ReportingDuty r) {
        StringBuilder b = new StringBuilder();
        if (r.from() != null) {
            b.append(r.from()).append(' ');
        }
        b.append(Words.get("report"));
        if (r.frequency() != null) {
            String f = Words.get("frequency." + r.frequency().json());
            if (f != null && !f.isEmpty()) {
                b.append(' ').append(f);
            }
        }
        if (r.to() != null) {
            b.append(' ').append(Words.get("report.to", r.to()));
        }
        if (r.via() != null) {
            b.append(' ').append(Words.get("report.via", r.via()));
        }
        List<String> dues = new ArrayList<>();
        for (TimeRef t : r.due()) {
            dues.add(Words.time(t));
        }
        if (!dues.isEmpty()) {
            b.append(' ').append(Words.get("due.before", String.join(", ", dues)));
        }
        return Builder.capitalized(b.toString()) + ".";
    }
}
