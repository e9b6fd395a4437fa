package vn.lantoa.planformat;

import java.util.List;

/**
 * Đợt / giai đoạn: a stretch of the campaign with its own content.
 *
 * @param label   the document's own label ("Đợt 2", "Giai đoạn 1", "2.2.1")
 * @param title   the heading without the label and without the time clause; null when nothing is left
 * @param start   when it starts, or null
 * @param end     when it ends, or null
 * @param content the content items, as written
 * @param phases  nested sub-phases, in document order
 */
public record Phase(String label, String title, TimeRef start, TimeRef end, List<String> content, List<Phase> phases) {

    public Phase {
        content = Lists.copy(content);
        phases = Lists.copy(phases);
    }
}
