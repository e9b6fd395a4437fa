package vn.lantoa.plan;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.lantoa.calendar.Deadline;
import vn.lantoa.calendar.Deadlines;
import vn.lantoa.calendar.Holidays;
import vn.lantoa.organization.Unit;
import vn.lantoa.organization.UnitKind;
import vn.lantoa.organization.Units;
import vn.lantoa.planformat.Assignment;
import vn.lantoa.planformat.DocumentHeader;
import vn.lantoa.planformat.DocumentRef;
import vn.lantoa.planformat.Phase;
import vn.lantoa.planformat.Plan;
import vn.lantoa.planformat.ReportingDuty;
import vn.lantoa.planformat.Role;
import vn.lantoa.planformat.Task;
import vn.lantoa.planformat.TimeRef;
import vn.lantoa.planformat.Warning;

/**
 * The plan module's own checks of a whole plan: what an issued plan needs (blocking), the importer's warnings, and
 * what only the whole plan shows — a unit outside the issuer's authority given orders instead of "Đề nghị", a
 * deadline on a non-working day, a phase one day long, an assignment with no task, a heading not matched to a unit,
 * a basis dated after the plan, a phase that ends before it starts, a due date before the issue date, a cycle of
 * bases.
 */
@Component
class PlanRules implements PlanCheck {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    /** The kinds of unit that direct the units below them; a board or an office acts for the committee above it. */
    private static final Set<UnitKind> COMMITTEES = EnumSet.of(UnitKind.PARTY_COMMITTEE, UnitKind.PEOPLES_COMMITTEE,
            UnitKind.FATHERLAND_FRONT);

    private final Units units;
    private final Holidays holidays;

    PlanRules(Units units, Holidays holidays) {
        this.units = units;
        this.holidays = holidays;
    }

    @Override
    public List<PlanFinding> check(CheckedPlan checked) {
        Plan plan = checked.plan();
        List<PlanFinding> out = new ArrayList<>();
        missing(plan, out);
        warnings(plan, out);
        bases(checked, out);
        phases(plan.phases(), "/phases", "", plan.document().issuedOn(), out);
        assignments(checked, out);
        reporting(plan, out);
        return out;
    }

    /** What an issued plan needs (blocking): number, symbol, date, issuer, title, signer, an assignment. */
    static List<PlanFinding> missing(Plan plan) {
        List<PlanFinding> out = new ArrayList<>();
        missing(plan, out);
        return out;
    }

    private static void missing(Plan plan, List<PlanFinding> out) {
        DocumentHeader d = plan.document();
        need(out, d.number(), "/document/number", "number");
        need(out, d.symbol(), "/document/symbol", "symbol");
        need(out, d.issuedOn() == null ? null : d.issuedOn().toString(), "/document/issuedOn", "issuedOn");
        need(out, d.issuer(), "/document/issuer", "issuer");
        need(out, d.title(), "/document/title", "title");
        need(out, d.signer() == null ? null : d.signer().name(), "/document/signer/name", "signer");
        if (plan.assignments().isEmpty()) {
            need(out, null, "/assignments", "assignments");
        }
    }

    private static void need(List<PlanFinding> out, String value, String pointer, String name) {
        if (value == null || value.isBlank()) {
            String what = PlanMessages.get("plan.missing." + name);
            out.add(PlanFinding.blocking("missing-" + name, pointer, PlanMessages.get("plan.where." + name),
                    PlanMessages.get("plan.check.missing", what), PlanMessages.get("plan.check.missing.fix", what)));
        }
    }

    /** The importer's warnings, at their place in the text. */
    private static void warnings(Plan plan, List<PlanFinding> out) {
        for (int i = 0; i < plan.warnings().size(); i++) {
            Warning w = plan.warnings().get(i);
            String fix = PlanMessages.get("plan.check.fix." + w.code());
            out.add(PlanFinding.warning(w.code(), "/warnings/" + i,
                    w.where() == null ? PlanMessages.get("plan.where.document") : w.where(), w.message(),
                    fix.equals("plan.check.fix." + w.code()) ? PlanMessages.get("plan.check.fix.warning") : fix));
        }
    }

    private static void bases(CheckedPlan checked, List<PlanFinding> out) {
        Plan plan = checked.plan();
        LocalDate issued = plan.document().issuedOn();
        String own = plan.document().symbol();
        for (int i = 0; i < plan.bases().size(); i++) {
            DocumentRef b = plan.bases().get(i);
            String label = PlanMessages.get("plan.where.basis", b.symbol() == null ? String.valueOf(i + 1) : b.symbol());
            if (issued != null && b.issuedOn() != null && issued.isBefore(b.issuedOn())) {
                out.add(PlanFinding.blocking("issued-before-basis", "/bases/" + i + "/issuedOn", label,
                        PlanMessages.get("plan.check.issued-before-basis", b.symbol(), day(b.issuedOn()), day(issued)),
                        PlanMessages.get("plan.check.issued-before-basis.fix")));
            }
            Long linked = i < checked.basisPlanIds().size() ? checked.basisPlanIds().get(i) : null;
            if ((own != null && own.equals(b.symbol())) || (linked != null && linked == checked.planId())) {
                out.add(PlanFinding.blocking("basis-cycle", "/bases/" + i + "/symbol", label,
                        PlanMessages.get("plan.check.basis-cycle", b.symbol()),
                        PlanMessages.get("plan.check.basis-cycle.fix")));
            }
        }
    }

    private void phases(List<Phase> phases, String pointer, String parent, LocalDate issued, List<PlanFinding> out) {
        for (int i = 0; i < phases.size(); i++) {
            Phase p = phases.get(i);
            String at = pointer + "/" + i;
            String name = p.label() != null ? p.label() : p.title() != null ? p.title() : String.valueOf(i + 1);
            String label = parent.isEmpty() ? PlanMessages.get("plan.where.phase", name) : parent + " › " + name;
            Optional<LocalDate> start = p.start() == null ? Optional.empty() : p.start().earliest(issued);
            Optional<LocalDate> end = p.end() == null ? Optional.empty() : p.end().latest(issued);
            if (start.isPresent() && end.isPresent()) {
                if (end.get().isBefore(start.get())) {
                    out.add(PlanFinding.blocking("phase-ends-before-start", at + "/end", label,
                            PlanMessages.get("plan.check.phase-ends-before-start", day(start.get()), day(end.get())),
                            PlanMessages.get("plan.check.phase-ends-before-start.fix")));
                } else if (end.get().equals(start.get())) {
                    out.add(PlanFinding.warning("phase-one-day", at, label,
                            PlanMessages.get("plan.check.phase-one-day", day(start.get())),
                            PlanMessages.get("plan.check.phase-one-day.fix")));
                }
            }
            phases(p.phases(), at + "/phases", label, issued, out);
        }
    }

    private void assignments(CheckedPlan checked, List<PlanFinding> out) {
        Plan plan = checked.plan();
        Unit authority = authority(checked.issuerUnitId());
        for (int i = 0; i < plan.assignments().size(); i++) {
            Assignment a = plan.assignments().get(i);
            String label = PlanMessages.get("plan.where.assignment", a.unit());
            if (a.tasks().isEmpty()) {
                out.add(PlanFinding.warning("assignment-without-task", "/assignments/" + i + "/tasks", label,
                        PlanMessages.get("plan.check.assignment-without-task", a.unit()),
                        PlanMessages.get("plan.check.assignment-without-task.fix")));
            }
            AssignmentMatch m = i < checked.assignments().size() ? checked.assignments().get(i) : null;
            if (m != null && !m.resolved()) {
                out.add(PlanFinding.warning("assignment-unmatched", "/assignments/" + i + "/unit", label,
                        PlanMessages.get(m.state() == AssignmentMatch.State.AMBIGUOUS ? "plan.check.assignment-ambiguous"
                                : "plan.check.assignment-unmatched", a.unit()),
                        PlanMessages.get("plan.check.assignment-unmatched.fix")));
            }
            if (m != null && m.resolved() && a.role() != Role.REQUESTED && authority != null) {
                // one query per thousand units (a national plan assigns 60,000: PERFORMANCE.md W2), in their order
                java.util.Map<Long, Unit> byId = new java.util.HashMap<>();
                units.byIds(m.unitIds()).forEach(u -> byId.put(u.id(), u));
                List<String> outside = m.unitIds().stream().map(byId::get).filter(java.util.Objects::nonNull)
                        .filter(u -> !authority.contains(u)).map(Unit::shortName).toList();
                if (!outside.isEmpty()) {
                    out.add(PlanFinding.warning("requested-expected", "/assignments/" + i + "/role", label,
                            PlanMessages.get("plan.check.requested-expected", String.join(", ", outside),
                                    authority.shortName()),
                            PlanMessages.get("plan.check.requested-expected.fix")));
                }
            }
            for (int j = 0; j < a.tasks().size(); j++) {
                Task t = a.tasks().get(j);
                due(t.due(), "/assignments/" + i + "/tasks/" + j + "/due",
                        PlanMessages.get("plan.where.task", a.unit(), j + 1), plan.document().issuedOn(), out);
            }
        }
    }

    private void reporting(Plan plan, List<PlanFinding> out) {
        for (int i = 0; i < plan.reporting().size(); i++) {
            ReportingDuty r = plan.reporting().get(i);
            for (int j = 0; j < r.due().size(); j++) {
                due(r.due().get(j), "/reporting/" + i + "/due/" + j,
                        PlanMessages.get("plan.where.reporting", i + 1, j + 1), plan.document().issuedOn(), out);
            }
        }
    }

    private void due(TimeRef due, String pointer, String label, LocalDate issued, List<PlanFinding> out) {
        if (due == null) {
            return;
        }
        Optional<LocalDate> latest = due.latest(issued);
        if (issued != null && latest.isPresent() && latest.get().isBefore(issued)) {
            out.add(PlanFinding.blocking("due-before-issue-date", pointer, label,
                    PlanMessages.get("plan.check.due-before-issue-date", day(latest.get()), day(issued)),
                    PlanMessages.get("plan.check.due-before-issue-date.fix")));
        }
        if (due instanceof TimeRef.Day d && !holidays.isWorkingDay(d.date())) {
            Deadline strict = new Deadlines(holidays).before(d.date(), Deadlines.Reading.STRICT);
            String why = holidays.holidayOn(d.date()).map(h -> PlanMessages.get("plan.check.holiday", h))
                    .orElse(PlanMessages.get("plan.check.weekday." + d.date().getDayOfWeek().getValue()));
            out.add(PlanFinding.warning("due-non-working-day", pointer, label,
                    PlanMessages.get("plan.check.due-non-working-day", day(d.date()), why),
                    PlanMessages.get("plan.check.due-non-working-day.fix", day(strict.lastDay()))));
        }
    }

    /** The unit whose subtree the issuer directs: itself if a committee, else the nearest committee above it. */
    private Unit authority(long issuerUnitId) {
        Optional<Unit> issuer = units.byId(issuerUnitId);
        if (issuer.isEmpty()) {
            return null;
        }
        if (COMMITTEES.contains(issuer.get().kind())) {
            return issuer.get();
        }
        List<Unit> above = units.ancestors(issuerUnitId);
        for (int i = above.size() - 1; i >= 0; i--) {
            if (COMMITTEES.contains(above.get(i).kind())) {
                return above.get(i);
            }
        }
        return issuer.get();
    }

    static String day(LocalDate date) {
        return date == null ? "" : date.format(DAY);
    }
}
