package vn.lantoa.document.check;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import vn.lantoa.document.DocumentRenderer;
import vn.lantoa.document.FormatProfile;
import vn.lantoa.document.layout.Words;
import vn.lantoa.planformat.DocumentHeader;
import vn.lantoa.planformat.Plan;
import vn.lantoa.plan.CheckedPlan;
import vn.lantoa.plan.PlanCheck;
import vn.lantoa.plan.PlanFinding;

/**
 * Kiểm tra thể thức: what of a plan's header does not follow the form of the profile valid on its issue date — the
 * symbol's pattern ({@code 15/KH-UBND} against {@code 354-KH/TU}), the signer's authority ({@code TM.} against
 * {@code T/M}), the place of the date line, the archive line of the recipients. Warnings only: the renderer prints
 * the form's own words where it can, and the official decides.
 */
@Component
class PlanFormatCheck implements PlanCheck {

    private final DocumentRenderer renderer;

    PlanFormatCheck(DocumentRenderer renderer) {
        this.renderer = renderer;
    }

    @Override
    public List<PlanFinding> check(CheckedPlan checked) {
        Plan plan = checked.plan();
        if (plan == null || plan.document() == null || plan.document().system() == null) {
            return List.of();
        }
        return check(plan, renderer.profileOf(plan));
    }

    static List<PlanFinding> check(Plan plan, FormatProfile profile) {
        List<PlanFinding> out = new ArrayList<>();
        DocumentHeader d = plan.document();
        String kind = d.kind() == null ? "KH" : d.kind();
        if (d.symbol() != null && !d.symbol().isBlank() && !symbolPattern(profile, kind).matcher(d.symbol()).matches()) {
            String example = profile.text("number.symbolPattern").replace("{number}", "15").replace("{kind}", kind)
                    .replace("{code}", "…");
            out.add(warning("format-symbol", "/document/symbol", "symbol", profile, d.symbol(), example));
        }
        if (d.signer() != null && d.signer().authority() != null && !d.signer().authority().isBlank()) {
            String authority = d.signer().authority().strip();
            List<String> forms = List.of(profile.text("signer.authorityForms").split(","));
            String first = authority.split("\\s+")[0];
            boolean abbreviation = first.matches("[\\p{Lu}]{1,3}[./][\\p{Lu}.]*");
            if (abbreviation && !forms.contains(first)) {
                out.add(warning("format-signer-authority", "/document/signer/authority", "signer", profile, first,
                        String.join(", ", forms)));
            }
        }
        if (d.place() == null || d.place().isBlank()) {
            out.add(warning("format-place", "/document/place", "place", profile));
        }
        boolean archive = plan.recipients().stream().anyMatch(r -> r != null && r.strip().replaceFirst("^[-–+•]\\s*", "")
                .startsWith("Lưu"));
        if (!plan.recipients().isEmpty() && !archive) {
            out.add(warning("format-archive", "/recipients", "recipients", profile,
                    profile.text("recipients.archive").replace("{unit}", "…")));
        }
        return out;
    }

    /** The profile's symbol pattern as a regular expression, for the plan's kind. */
    static Pattern symbolPattern(FormatProfile profile, String kind) {
        String pattern = profile.text("number.symbolPattern");
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            if (pattern.startsWith("{number}", i)) {
                regex.append("\\d+");
                i += "{number}".length();
            } else if (pattern.startsWith("{kind}", i)) {
                regex.append(Pattern.quote(kind));
                i += "{kind}".length();
            } else if (pattern.startsWith("{code}", i)) {
                regex.append("[\\p{L}\\p{N}][\\p{L}\\p{N}.\\-]*");
                i += "{code}".length();
            } else {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(i))));
                i++;
            }
        }
        return Pattern.compile(regex.toString());
    }

    private static PlanFinding warning(String code, String pointer, String where, FormatProfile profile,
            Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = profile.name();
        System.arraycopy(args, 0, all, 1, args.length);
        return PlanFinding.warning(code, pointer, Words.message("document.check.where." + where),
                Words.message("document.check." + code, all), Words.message("document.check." + code + ".fix", all));
    }
}
