package vn.lantoa.plan;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import vn.lantoa.planformat.Plan;
import vn.lantoa.planformat.PlanJson;

/**
 * What changed between two versions of a plan, field by field: the two documents as JSON trees compared member by
 * member and list items by position (an item inserted in a list shows as the items after it changed — plain, and
 * never hides a change).
 */
final class PlanDiff {

    /** Values longer than this are cut in the history (the whole versions stay stored). */
    static final int MAX_VALUE = 500;

    private PlanDiff() {
    }

    static List<PlanVersion.Change> between(Plan before, Plan after) {
        List<PlanVersion.Change> out = new ArrayList<>();
        compare("", PlanJson.toTree(before), PlanJson.toTree(after), out);
        return out;
    }

    private static void compare(String pointer, JsonNode a, JsonNode b, List<PlanVersion.Change> out) {
        boolean aEmpty = a == null || a.isNull() || a.isMissingNode();
        boolean bEmpty = b == null || b.isNull() || b.isMissingNode();
        if (aEmpty && bEmpty) {
            return;
        }
        if (!aEmpty && !bEmpty && a.isObject() && b.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            a.propertyNames().forEach(names::add);
            b.propertyNames().forEach(names::add);
            for (String name : names) {
                compare(pointer + "/" + name.replace("~", "~0").replace("/", "~1"), a.get(name), b.get(name), out);
            }
            return;
        }
        if (!aEmpty && !bEmpty && a.isArray() && b.isArray()) {
            for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                compare(pointer + "/" + i, a.get(i), b.get(i), out);
            }
            return;
        }
        if (aEmpty || bEmpty || !a.equals(b)) {
            out.add(new PlanVersion.Change(pointer, label(pointer), text(aEmpty ? null : a), text(bEmpty ? null : b)));
        }
    }

    private static String text(JsonNode node) {
        if (node == null) {
            return null;
        }
        String t = node.isValueNode() ? node.asString() : node.toString();
        return t.length() > MAX_VALUE ? t.substring(0, MAX_VALUE) + "…" : t;
    }

    /** "/assignments/2/tasks/0/due" → "Tổ chức thực hiện › 3 › nhiệm vụ › 1 › thời hạn". */
    static String label(String pointer) {
        List<String> parts = new ArrayList<>();
        Iterator<String> it = List.of(pointer.substring(pointer.isEmpty() ? 0 : 1).split("/")).iterator();
        while (it.hasNext()) {
            String p = it.next().replace("~1", "/").replace("~0", "~");
            if (p.chars().allMatch(Character::isDigit) && !p.isEmpty()) {
                parts.add(String.valueOf(Integer.parseInt(p) + 1));
            } else {
                String name = PlanMessages.get("plan.field." + p);
                parts.add(name.startsWith("plan.field.") ? p : name);
            }
        }
        return String.join(" › ", parts);
    }
}
