package vn.lantoa.planformat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Immutable copies of the model's lists: null becomes empty, null elements are dropped. */
final class Lists {

    private Lists() {
    }

    static <T> List<T> copy(List<T> list) {
        if (list == null || list.isEmpty()) {
            return List.of();
        }
        for (T item : list) {
            if (item == null) { // List.copyOf refuses nulls, and immutable lists throw on contains(null)
                return list.stream().filter(Objects::nonNull).toList();
            }
        }
        return List.copyOf(list);
    }

    static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a.size() + b.size());
        all.addAll(a);
        all.addAll(b);
        return copy(all);
    }
}
