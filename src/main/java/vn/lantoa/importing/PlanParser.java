package vn.lantoa.importing;

import java.util.ArrayList;
import java.util.List;

import vn.lantoa.importing.structure.Body;
import vn.lantoa.importing.structure.Events;
import vn.lantoa.importing.structure.Header;
import vn.lantoa.importing.structure.Line;
import vn.lantoa.importing.structure.Lines;
import vn.lantoa.importing.structure.Names;
import vn.lantoa.planformat.DocumentHeader;
import vn.lantoa.planformat.DocumentRef;
import vn.lantoa.planformat.Phase;
import vn.lantoa.planformat.Plan;
import vn.lantoa.planformat.PlanValidation;
import vn.lantoa.planformat.PlanViolation;
import vn.lantoa.planformat.Signer;
import vn.lantoa.planformat.Warning;
import vn.lantoa.planformat.WarningCode;

/**
 * Reads a plan's structure out of its text: the header (kind, number and symbol, system, issuer, place and date,
 * title, signer), the bases and citations, the events and phases with their times, the channels, themes and slogans,
 * the assignments with their tasks and deadlines, the reporting duties, the recipients, and warnings where the document
 * contradicts itself. Works on blocks (label, text, alignment, column), so DOCX, PDF and TXT read alike. Linear in the
 * size of the text; never throws on odd input.
 */
public final class PlanParser {

    private PlanParser() {
    }

    public static Plan parse(DocumentText text) {
        List<Line> lines = Lines.of(text);
        Header.Zones zones = Header.zones(lines);
        Header.Read header = Header.read(lines, zones);
        Events events = Events.of(lines);
        events.subjectFrom(header.title());
        Body.Read body = Body.read(lines, zones, events, header.issuedOn(), header.symbol());
        Header.End end = Header.end(lines, zones.endStart());

        List<Warning> warnings = new ArrayList<>(text.warnings());
        warnings.addAll(header.warnings());
        warnings.addAll(body.warnings());
        warnings.addAll(events.ordinalWarnings());

        Signer signer = end.signer();
        String issuer = issuer(body, header, signer);
        DocumentHeader document = new DocumentHeader(header.kind(), header.number(), header.symbol(),
                header.system() != null ? header.system() : system(issuer), header.issuedOn(), header.place(), issuer,
                header.title(), signer != null && signer.name() == null && signer.position() == null ? null : signer);
        if (zones.kindLine() < 0 && !body.hasAssignmentSection()) {
            warnings.add(WarningCode.NOT_A_PLAN.at("đầu văn bản", "không có tiêu đề KẾ HOẠCH và không có phần tổ chức"
                    + " thực hiện"));
        } else if (header.kind() != null && !header.kind().equals("KH") && !header.kind().equals("CTr")) {
            warnings.add(WarningCode.NOT_A_PLAN.at("đầu văn bản", "văn bản có tiêu đề loại " + header.kind()));
        }
        Plan plan = new Plan(document, body.bases(), body.citations(), events.used(), body.phases(), body.channels(),
                body.themes(), body.slogans(), body.assignments(), body.reporting(), end.recipients(), warnings);
        Plan checked = plan.withWarnings(contradictions(plan));
        return new Plan(checked.document(), checked.bases(), checked.citations(), checked.events(), checked.phases(),
                checked.channels(), checked.themes(), checked.slogans(), checked.assignments(), checked.reporting(),
                checked.recipients(), distinct(checked.warnings()));
    }

    /** One warning per code and message: a deadline both a task and a report carry is one contradiction. */
    private static List<Warning> distinct(List<Warning> warnings) {
        java.util.Map<String, Warning> out = new java.util.LinkedHashMap<>();
        for (Warning w : warnings) {
            out.putIfAbsent(w.code() + "\u0000" + w.message(), w);
        }
        return new ArrayList<>(out.values());
    }

    /** The body that issues the document, from what the text says it is and what the header and signature say. */
    private static String issuer(Body.Read body, Header.Read header, Signer signer) {
        String acting = body.actingBody();
        String closing = body.closingBody();
        String named = acting;
        if (closing != null && (acting == null || Names.join(acting, closing).equals(closing))) {
            named = closing;
        }
        String organ = header.organ();
        String authority = authorityBody(signer);
        if (named == null && authority != null && organ != null) {
            named = authority;
        }
        if (named == null) {
            return organ != null ? organ : authority;
        }
        return Names.join(named, organ);
    }

    /** "TM. Ủy ban nhân dân, KT. Chủ tịch" → "Ủy ban nhân dân"; "T/M Ban Thường vụ" → "Ban Thường vụ". */
    private static String authorityBody(Signer signer) {
        if (signer == null || signer.authority() == null) {
            return null;
        }
        String first = signer.authority().split(",")[0].trim();
        String folded = vn.lantoa.shared.VietnameseText.fold(first);
        if (!(folded.startsWith("tm ") || folded.startsWith("t m "))) {
            return null;
        }
        return first.replaceFirst("^\\S+\\s+", "").trim();
    }

    private static vn.lantoa.planformat.DocumentSystem system(String issuer) {
        if (issuer == null) {
            return null;
        }
        String f = vn.lantoa.shared.VietnameseText.fold(issuer);
        if (f.contains("uy ban nhan dan") || f.startsWith("ubnd") || f.contains(" ubnd") || f.startsWith("so ")
                || f.startsWith("phong ") || f.contains("hoi dong nhan dan")) {
            return vn.lantoa.planformat.DocumentSystem.STATE;
        }
        if (f.contains("dang uy") || f.contains("thanh uy") || f.contains("tinh uy") || f.contains("huyen uy")
                || f.contains("quan uy") || f.contains("chi bo") || f.contains("dang bo")
                || f.startsWith("ban thuong vu") || f.startsWith("ban chap hanh") || f.startsWith("ban tuyen giao")) {
            return vn.lantoa.planformat.DocumentSystem.PARTY;
        }
        return null;
    }

    /** The plan's own contradictions (a phase ending before it starts, a deadline before the issue date) as warnings. */
    private static List<Warning> contradictions(Plan plan) {
        List<Warning> out = new ArrayList<>();
        for (PlanViolation v : PlanValidation.validate(plan)) {
            WarningCode code = WarningCode.fromCode(v.code());
            if (code == null) {
                continue;
            }
            out.add(new Warning(code.code(), v.message(), where(plan, v.pointer())));
        }
        return out;
    }

    /** A JSON pointer as a person reads it: the phase's label, the unit's name, the basis's symbol. */
    private static String where(Plan plan, String pointer) {
        String[] parts = pointer.split("/");
        try {
            if (parts.length > 2 && parts[1].equals("phases")) {
                List<Phase> phases = plan.phases();
                Phase p = null;
                for (int i = 2; i < parts.length; i += 2) {
                    if (!parts[i - 1].equals("phases")) {
                        break;
                    }
                    p = phases.get(Integer.parseInt(parts[i]));
                    phases = p.phases();
                }
                return p == null ? pointer : p.label() + (p.title() == null ? "" : ": " + p.title());
            }
            if (parts.length > 2 && parts[1].equals("assignments")) {
                return plan.assignments().get(Integer.parseInt(parts[2])).unit();
            }
            if (parts.length > 2 && parts[1].equals("bases")) {
                DocumentRef ref = plan.bases().get(Integer.parseInt(parts[2]));
                return ref.symbol();
            }
            if (parts.length > 2 && parts[1].equals("reporting")) {
                return "báo cáo: " + plan.reporting().get(Integer.parseInt(parts[2])).to();
            }
        } catch (RuntimeException e) {
            return pointer;
        }
        return pointer;
    }
}
