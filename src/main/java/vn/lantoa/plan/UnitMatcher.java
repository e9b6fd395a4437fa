package vn.lantoa.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import vn.lantoa.organization.Unit;
import vn.lantoa.organization.UnitKind;
import vn.lantoa.planformat.Role;

/**
 * Matches assignment headings to units near the issuer (đối chiếu đơn vị được giao). Plain logic over a list of units
 * (the {@link Scope}); the caller loads them.
 *
 * <p><b>One unit.</b> The heading's words (see {@link UnitNames}) must appear in order in a unit's name or short name,
 * at most two words in ("Mặt trận" finds "Ủy ban Mặt trận Tổ quốc …", but "Ủy ban nhân dân thành phố" does not find
 * "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân thành phố"). Among the units that fit, the best have the fewest
 * words that are neither in the heading nor in the names of the issuer and its superiors (so "Ủy ban nhân dân thành
 * phố" written by the Thành ủy Phan Rang - Tháp Chàm is its own city's, and "Phòng Văn hóa - Xã hội" written by a city
 * is ambiguous between its wards), then the nearest: the issuer's subtree, then its parent's, then its
 * grandparent's. One best unit is a match; several are ambiguous; none is unmatched. Nothing is guessed: ambiguous
 * and unmatched headings wait for a person.
 *
 * <p><b>A group.</b> A heading that names a group ("UBND các xã, phường", "Các chi, đảng bộ cơ sở", "các cơ quan, ban,
 * ngành", "các tổ chức chính trị - xã hội thành phố") is cut at its commas and "và"; each part that names a group
 * resolves to the units of the kinds it means below the issuer's committee (or below its parent when there are none),
 * each other part to one unit as above. The heading is resolved when every part is.
 */
final class UnitMatcher {

    /** At most this many candidates are offered to a person. */
    static final int MAX_CANDIDATES = 20;

    private static final Pattern PARENTHESES = Pattern.compile("\\([^)]*\\)");
    private static final Pattern LEADING_NUMBER = Pattern.compile("^\\s*(?:[0-9IVXivx]+(?:\\.[0-9]+)*[.)]|[a-zđ]\\)|[-–+•*])\\s*");
    private static final Pattern SEPARATORS = Pattern.compile("\\s*(?:[,;]|\\s+và\\s+|\\s+cùng\\s+)\\s*");
    private static final Set<String> JOINING = Set.of("xa", "phuong", "thi", "tran", "ban", "nganh", "doan", "the",
            "hoi", "don", "vi");
    private static final Set<UnitKind> COMMITTEES = EnumSet.of(UnitKind.PARTY_COMMITTEE, UnitKind.PEOPLES_COMMITTEE,
            UnitKind.FATHERLAND_FRONT);
    private static final List<String> LEVELS = List.of("thanh pho", "phuong", "xa", "khoi", "tinh", "huyen", "quan",
            "thi xa", "thi tran");

    /** A kind of group a heading may name, by the phrases that name it. */
    private record Group(List<String> phrases, Set<UnitKind> kinds, boolean party, boolean levelFilter,
            Predicate<List<String>> also) {
    }

    private static final List<Group> GROUPS = List.of(
            new Group(List.of("uy ban nhan dan cac xa", "uy ban nhan dan cac phuong", "uy ban nhan dan cac thi tran",
                    "uy ban nhan dan xa phuong", "uy ban nhan dan phuong xa"),
                    EnumSet.of(UnitKind.PEOPLES_COMMITTEE), false, false, UnitMatcher::local),
            new Group(List.of("dang uy cac xa", "dang uy cac phuong", "dang uy xa phuong", "dang uy phuong xa"),
                    EnumSet.of(UnitKind.PARTY_COMMITTEE), true, false, UnitMatcher::local),
            new Group(List.of("chi bo", "cac chi", "dang bo co so", "co so dang", "chi dang bo"),
                    EnumSet.of(UnitKind.PARTY_CELL, UnitKind.PARTY_COMMITTEE), true, false, w -> true),
            new Group(List.of("ban xay dung dang", "cac ban dang", "cac ban thanh uy", "cac ban tinh uy",
                    "cac ban huyen uy", "cac ban dang uy", "cac ban cua"),
                    EnumSet.of(UnitKind.PARTY_BOARD), true, false, w -> !w.isEmpty() && w.get(0).equals("ban")),
            new Group(List.of("doan the", "chinh tri xa hoi"), EnumSet.of(UnitKind.MASS_ORGANIZATION), false, true,
                    w -> true),
            new Group(List.of("co quan chuyen mon", "phong ban chuyen mon", "cac phong ban", "cac phong chuyen mon"),
                    EnumSet.of(UnitKind.SPECIALISED_OFFICE), false, false, w -> true),
            new Group(List.of("co quan ban nganh", "cac ban nganh", "ban nganh"),
                    EnumSet.of(UnitKind.SPECIALISED_OFFICE, UnitKind.PARTY_BOARD, UnitKind.POLICE), false, true,
                    w -> true),
            new Group(List.of("truong hoc", "cac truong", "co so giao duc"), EnumSet.of(UnitKind.SCHOOL), false,
                    false, w -> true),
            new Group(List.of("to dan pho", "khu pho", "cac thon", "khu dan cu", "cac to"),
                    EnumSet.of(UnitKind.RESIDENTIAL_GROUP), false, false, w -> true));

    /** Whether a unit's name is of a commune, ward or township. */
    private static boolean local(List<String> name) {
        return name.contains("xa") || name.contains("phuong") || UnitNames.hasPhrase(name, "thi tran");
    }

    /**
     * The units a heading is matched among.
     *
     * @param issuer    the issuing unit
     * @param ancestors its ancestors, the root first
     * @param units     the open units of the subtree of the issuer's grandparent (or of the highest ancestor there
     *                  is), the issuer's subtree included
     */
    record Scope(Unit issuer, List<Unit> ancestors, List<Unit> units) {
    }

    private record Named(Unit unit, List<String> name, List<String> shortName) {
    }

    private record Fit(Unit unit, int extra, int level) {
    }

    private final Scope scope;
    private final List<Named> named;
    private final Set<String> context = new HashSet<>();

    UnitMatcher(Scope scope) {
        this.scope = scope;
        this.named = scope.units().stream().filter(u -> !u.closed())
                .map(u -> new Named(u, UnitNames.words(u.name()), UnitNames.words(u.shortName()))).toList();
        context.addAll(UnitNames.words(scope.issuer().name()));
        context.addAll(UnitNames.words(scope.issuer().shortName()));
        for (Unit a : scope.ancestors()) {
            context.addAll(UnitNames.words(a.name()));
        }
    }

    /** The match of one heading. */
    AssignmentMatch match(int index, String heading, Role role) {
        List<String> whole = UnitNames.words(clean(heading));
        if (whole.isEmpty()) {
            return new AssignmentMatch(index, heading, role, AssignmentMatch.State.UNMATCHED, false, List.of(),
                    List.of());
        }
        if (group(whole) == null) {
            return single(index, heading, role, whole);
        }
        Set<Long> found = new LinkedHashSet<>();
        Set<Long> offered = new LinkedHashSet<>();
        boolean resolved = true;
        for (List<String> part : parts(clean(heading))) {
            Group g = group(part);
            if (g != null) {
                List<Unit> members = members(g, part);
                members.forEach(u -> found.add(u.id()));
                resolved &= !members.isEmpty();
            } else {
                AssignmentMatch m = single(index, heading, role, part);
                if (m.state() == AssignmentMatch.State.MATCHED) {
                    found.addAll(m.unitIds());
                } else {
                    resolved = false;
                    offered.addAll(m.candidates());
                }
            }
        }
        if (resolved) {
            return new AssignmentMatch(index, heading, role, AssignmentMatch.State.GROUP, false, List.copyOf(found),
                    List.of());
        }
        // what was found is offered, never taken: a person completes the set
        found.addAll(offered);
        return new AssignmentMatch(index, heading, role, AssignmentMatch.State.UNMATCHED, false, List.of(),
                List.copyOf(found).subList(0, Math.min(found.size(), 4 * MAX_CANDIDATES)));
    }

    private AssignmentMatch single(int index, String heading, Role role, List<String> words) {
        List<Fit> fits = new ArrayList<>();
        for (Named n : named) {
            Fit best = null;
            for (List<String> name : List.of(n.name(), n.shortName())) {
                if (fits(words, name)) {
                    int extra = (int) name.stream().filter(w -> !words.contains(w) && !context.contains(w)).count();
                    Fit fit = new Fit(n.unit(), extra, level(n.unit()));
                    if (best == null || fit.extra() < best.extra()) {
                        best = fit;
                    }
                }
            }
            if (best != null) {
                fits.add(best);
            }
        }
        if (fits.isEmpty()) {
            return new AssignmentMatch(index, heading, role, AssignmentMatch.State.UNMATCHED, false, List.of(),
                    nearest(words));
        }
        Comparator<Fit> order = Comparator.comparingInt(Fit::extra).thenComparingInt(Fit::level);
        fits.sort(order);
        Fit top = fits.get(0);
        List<Long> best = fits.stream().filter(f -> order.compare(f, top) == 0).map(f -> f.unit().id()).toList();
        if (best.size() == 1) {
            return new AssignmentMatch(index, heading, role, AssignmentMatch.State.MATCHED, false, best, List.of());
        }
        return new AssignmentMatch(index, heading, role, AssignmentMatch.State.AMBIGUOUS, false, List.of(),
                best.subList(0, Math.min(best.size(), MAX_CANDIDATES)));
    }

    /** Whether the heading's words are in the name in order, at most two words in. */
    private static boolean fits(List<String> heading, List<String> name) {
        int first = name.indexOf(heading.get(0));
        while (first >= 0 && first <= 2) {
            if (UnitNames.inOrder(heading, name.subList(first, name.size()))) {
                return true;
            }
            int next = name.subList(first + 1, name.size()).indexOf(heading.get(0));
            first = next < 0 ? -1 : first + 1 + next;
        }
        return false;
    }

    /** The units whose names share most of the heading's words (at least half), for a person to pick from. */
    private List<Long> nearest(List<String> words) {
        record Near(Unit unit, long shared) {
        }
        Set<String> wanted = new HashSet<>(words);
        wanted.removeAll(context);
        if (wanted.isEmpty()) {
            wanted = new HashSet<>(words);
        }
        Set<String> w = wanted;
        return named.stream()
                .map(n -> new Near(n.unit(), n.name().stream().distinct().filter(w::contains).count()))
                .filter(n -> n.shared() * 2 >= w.size() && n.shared() > 0)
                .sorted(Comparator.comparingLong(Near::shared).reversed()
                        .thenComparingInt(n -> level(n.unit())))
                .limit(MAX_CANDIDATES).map(n -> n.unit().id()).toList();
    }

    /** 0 in the issuer's subtree, 1 in its parent's, 2 further. */
    private int level(Unit unit) {
        if (scope.issuer().contains(unit)) {
            return 0;
        }
        List<Unit> a = scope.ancestors();
        if (!a.isEmpty() && a.get(a.size() - 1).contains(unit)) {
            return 1;
        }
        return 2;
    }

    private static Group group(List<String> words) {
        for (Group g : GROUPS) {
            for (String phrase : g.phrases()) {
                if (UnitNames.hasPhrase(words, phrase)) {
                    return g;
                }
            }
        }
        return null;
    }

    private List<Unit> members(Group g, List<String> part) {
        Unit anchor = anchor(g.party());
        List<Unit> found = below(anchor, g);
        if (found.isEmpty()) {
            Unit parent = parentOf(anchor);
            if (parent != null) {
                found = below(parent, g);
            }
        }
        if (g.levelFilter()) {
            String level = levelAfterGroup(g, part);
            if (level != null) {
                List<Unit> filtered = found.stream()
                        .filter(u -> UnitNames.hasPhrase(UnitNames.words(u.name()), level)).toList();
                if (!filtered.isEmpty()) {
                    found = filtered;
                }
            }
        }
        return found;
    }

    private List<Unit> below(Unit anchor, Group g) {
        return named.stream().map(Named::unit)
                .filter(u -> u.id() != anchor.id() && anchor.contains(u) && g.kinds().contains(u.kind()))
                .filter(u -> g.also().test(UnitNames.words(u.name())))
                .toList();
    }

    /** The level word written after the group's phrase ("các tổ chức chính trị - xã hội thành phố" → "thanh pho"). */
    private static String levelAfterGroup(Group g, List<String> part) {
        String text = " " + UnitNames.text(part) + " ";
        for (String phrase : g.phrases()) {
            int at = text.indexOf(" " + phrase + " ");
            if (at >= 0) {
                String after = text.substring(at + phrase.length() + 1);
                for (String level : LEVELS) {
                    if (after.contains(" " + level + " ")) {
                        return level;
                    }
                }
            }
        }
        return null;
    }

    /** The committee a group is counted under: the issuer, or its nearest superior that is a committee. */
    private Unit anchor(boolean party) {
        List<Unit> chain = new ArrayList<>(scope.ancestors());
        chain.add(scope.issuer());
        Set<UnitKind> kinds = party ? EnumSet.of(UnitKind.PARTY_COMMITTEE) : COMMITTEES;
        for (int i = chain.size() - 1; i >= 0; i--) {
            if (kinds.contains(chain.get(i).kind())) {
                return chain.get(i);
            }
        }
        return party ? anchor(false) : scope.issuer();
    }

    private Unit parentOf(Unit unit) {
        for (Unit a : scope.ancestors()) {
            if (unit.parentId() != null && a.id() == unit.parentId()) {
                return a;
            }
        }
        return null;
    }

    /** The heading's parts: cut at commas, semicolons and "và", a lone word ("phường", "ngành") kept with the last. */
    static List<List<String>> parts(String heading) {
        List<List<String>> parts = new ArrayList<>();
        for (String raw : SEPARATORS.split(heading)) {
            List<String> words = UnitNames.words(raw);
            if (words.isEmpty()) {
                continue;
            }
            if (!parts.isEmpty() && JOINING.containsAll(words)) {
                parts.get(parts.size() - 1).addAll(words);
            } else {
                parts.add(new ArrayList<>(words));
            }
        }
        return parts;
    }

    /** The heading without what is not the unit's name: a number, a leading "Đề nghị", a remark in parentheses. */
    static String clean(String heading) {
        String h = heading == null ? "" : PARENTHESES.matcher(heading).replaceAll(" ");
        h = LEADING_NUMBER.matcher(h).replaceFirst("");
        h = h.strip();
        for (String prefix : new String[] { "Đề nghị", "đề nghị", "ĐỀ NGHỊ" }) {
            if (h.startsWith(prefix)) {
                h = h.substring(prefix.length()).strip();
            }
        }
        return h;
    }
}
