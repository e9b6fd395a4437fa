package vn.lantoa.cascade;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.lantoa.account.CurrentUser;
import vn.lantoa.plan.PlanManagement;
import vn.lantoa.plan.StoredPlan;
import vn.lantoa.planformat.Assignment;
import vn.lantoa.planformat.Channel;
import vn.lantoa.planformat.Phase;
import vn.lantoa.planformat.Plan;
import vn.lantoa.planformat.Task;
import vn.lantoa.shared.VietnameseText;

/**
 * Độ bao phủ: which of its parent's phases, themes, channels, and of the tasks the parent gave the unit, a derived
 * plan carries, and which it leaves out. Matched on meaning-bearing words: the folded syllables of the item (no tone
 * marks, lower case, VietnameseText#fold) without function words ("và", "các", "của" …) and words every plan of
 * this kind uses ("tuyên truyền", "kế hoạch", "tổ chức", "thực hiện" …). An item is carried when at least
 * {@link #CARRIED} of its meaning-bearing words appear in the matching part of the derived plan (a phase in its
 * phases, a theme in its themes and contents, a task anywhere in its text); a channel also when the derived plan
 * has a channel of the same kind.
 */
@Service
public class CascadeCoverage {

    /** The share of an item's meaning-bearing words that the derived plan must contain. */
    static final double CARRIED = 0.6;

    /** Folded syllables that carry no meaning of their own in a plan. */
    private static final Set<String> STOP = Set.of(
            // function words
            "va", "cac", "cua", "cho", "trong", "voi", "nhung", "duoc", "tai", "theo", "ve", "de", "la", "co", "mot",
            "nay", "do", "tu", "den", "tren", "duoi", "khi", "ma", "nhu", "nham", "cung", "da", "se",
            "bang", "hoac", "hay", "ca", "moi", "tung", "sau", "truoc", "vao", "ra", "len", "qua", "nen", "neu",
            "o", "lai", "con", "nhat", "rat", "hon", "nhieu", "it", "so", "thu",
            // words of every plan
            "tuyen", "truyen", "ke", "hoach", "to", "chuc", "thuc", "hien", "noi", "dung", "hoat", "dong", "dot",
            "giai", "doan", "nhiem", "vu", "trien", "khai", "don", "vi", "cap", "ngay", "thang", "nam");

    /** One item of the parent and whether the derived plan carries it. */
    public record Item(String text, boolean carried) {
    }

    /**
     * The coverage of a derived plan.
     *
     * @param planId       the derived plan
     * @param parentPlanId the plan it implements; null (and every list empty) for a plan that implements none
     * @param parentSymbol that plan's symbol
     * @param phases       the parent's phases (top level)
     * @param themes       the parent's themes
     * @param channels     the parent's channels
     * @param tasks        the tasks the parent gave the derived plan's unit
     * @param carried      how many items it carries
     * @param total        how many there are
     */
    public record Coverage(long planId, Long parentPlanId, String parentSymbol, List<Item> phases, List<Item> themes,
            List<Item> channels, List<Item> tasks, int carried, int total) {
    }

    private final PlanManagement plans;
    private final CascadeTree tree;
    private final JdbcClient jdbc;

    CascadeCoverage(PlanManagement plans, CascadeTree tree, JdbcClient jdbc) {
        this.plans = plans;
        this.tree = tree;
        this.jdbc = jdbc;
    }

    /** The coverage of a plan the user may read (404 {@code PLAN_NOT_FOUND} otherwise). */
    @Transactional(readOnly = true)
    public Coverage of(CurrentUser user, long planId) {
        StoredPlan derived = plans.get(user, planId);
        Long parentId = tree.plan(planId).map(CascadeTree.PlanNode::parentPlanId).orElse(null);
        StoredPlan parent = parentId == null ? null : plans.issued(parentId).orElse(null);
        if (parent == null) {
            return new Coverage(planId, null, null, List.of(), List.of(), List.of(), List.of(), 0, 0);
        }
        List<String> tasks = jdbc.sql("""
                select pt.text from task t
                join cascade_plan_task pt on pt.plan_id = t.plan_id and pt.assignment_index = t.assignment_index
                                         and pt.task_index = t.task_index
                where t.plan_id = :p and t.unit_id = :u order by t.assignment_index, t.task_index""")
                .param("p", parent.id()).param("u", derived.issuerUnitId()).query(String.class).list();
        return compare(derived.id(), parent.id(), parent.plan(), derived.plan(), tasks);
    }

    /** Compares a derived plan with its parent (and the parent's tasks for the unit). */
    static Coverage compare(long planId, long parentId, Plan parent, Plan derived, List<String> tasks) {
        List<Set<String>> derivedPhases = new ArrayList<>();
        for (Phase phase : flatten(derived.phases(), new ArrayList<>())) {
            derivedPhases.add(words(phaseText(phase)));
        }
        Set<String> themeWords = new HashSet<>();
        derived.themes().forEach(t -> themeWords.addAll(words(t)));
        derived.slogans().forEach(t -> themeWords.addAll(words(t)));
        derivedPhases.forEach(themeWords::addAll);
        Set<String> channelWords = new HashSet<>();
        Set<String> kinds = new HashSet<>();
        for (Channel c : derived.channels()) {
            channelWords.addAll(words((c.title() == null ? "" : c.title()) + " " + String.join(" ", c.items())));
            if (c.kind() != null) {
                kinds.add(c.kind().name());
            }
        }
        Set<String> all = new HashSet<>(themeWords);
        all.addAll(channelWords);
        for (Assignment a : derived.assignments()) {
            for (Task t : a.tasks()) {
                all.addAll(words(t.text()));
            }
        }

        List<Item> phases = new ArrayList<>();
        for (Phase phase : parent.phases()) {
            Set<String> w = words(phaseHeading(phase));
            boolean carried = derivedPhases.stream().anyMatch(d -> covers(d, w));
            phases.add(new Item(label(phase), carried));
        }
        List<Item> themes = parent.themes().stream().map(t -> new Item(t, covers(themeWords, words(t)))).toList();
        List<Item> channels = new ArrayList<>();
        for (Channel c : parent.channels()) {
            boolean carried = c.kind() != null && kinds.contains(c.kind().name())
                    || covers(channelWords, words(c.title()));
            channels.add(new Item(c.title() == null ? String.valueOf(c.kind()) : c.title(), carried));
        }
        List<Item> taskItems = tasks.stream().map(t -> new Item(t, covers(all, words(t)))).toList();
        int total = phases.size() + themes.size() + channels.size() + taskItems.size();
        int carried = (int) (phases.stream().filter(Item::carried).count() + themes.stream().filter(Item::carried)
                .count() + channels.stream().filter(Item::carried).count()
                + taskItems.stream().filter(Item::carried).count());
        return new Coverage(planId, parentId, parent.document().symbol(), phases, themes, channels, taskItems,
                carried, total);
    }

    /** Whether {@code text} holds at least {@link #CARRIED} of the item's words (an item without any: carried). */
    static boolean covers(Set<String> text, Set<String> item) {
        if (item.isEmpty()) {
            return true;
        }
        long found = item.stream().filter(text::contains).count();
        return found >= Math.ceil(CARRIED * item.size());
    }

    /** The meaning-bearing folded words of a text. */
    static Set<String> words(String text) {
        Set<String> words = new LinkedHashSet<>();
        for (String w : VietnameseText.fold(text).split(" ")) {
            if (w.length() > 1 && !STOP.contains(w) && !w.chars().allMatch(Character::isDigit)) {
                words.add(w);
            }
        }
        return words;
    }

    private static List<Phase> flatten(List<Phase> phases, List<Phase> into) {
        for (Phase p : phases) {
            into.add(p);
            flatten(p.phases(), into);
        }
        return into;
    }

    /** What a parent phase is known by: its title, else its content. */
    private static String phaseHeading(Phase phase) {
        return phase.title() != null && !words(phase.title()).isEmpty() ? phase.title()
                : String.join(" ", phase.content());
    }

    private static String phaseText(Phase phase) {
        return (phase.label() == null ? "" : phase.label()) + " " + (phase.title() == null ? "" : phase.title()) + " "
                + String.join(" ", phase.content());
    }

    private static String label(Phase phase) {
        String label = phase.label() == null ? "" : phase.label();
        String title = phase.title() == null ? "" : phase.title();
        return (label + (label.isEmpty() || title.isEmpty() ? "" : ": ") + title).strip();
    }
}
