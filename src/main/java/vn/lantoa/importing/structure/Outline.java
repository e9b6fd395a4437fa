package vn.lantoa.importing.structure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import vn.lantoa.planformat.Warning;
import vn.lantoa.planformat.WarningCode;

/**
 * The outline of a document's body from its labels: a style already open makes a sibling, a new style nests, a new
 * list that starts at 1 under a deeper item nests even when its style is open above. Unlabeled lines belong to the
 * item above them.
 */
public final class Outline {

    /** Outlines deeper than this are flattened: no document nests so deep, a hostile one might. */
    static final int MAX_DEPTH = 24;

    private Outline() {
    }

    public static Node build(List<Line> lines) {
        Node root = new Node(null, null, null);
        List<Node> stack = new ArrayList<>();
        stack.add(root);
        for (Line line : lines) {
            Label label = line.label;
            if (label == null && isCapsHeading(line)) {
                label = new Label("", Label.Style.CAPS, 1, 0, "", 0);
            }
            if (label != null && label.style() == Label.Style.ROMAN && label.number().length() == 1) {
                Label letter = label.asUpperLetter();
                int open = openIndex(stack, letter);
                if (open > 0 && stack.get(open).label.value() + 1 == letter.value()) {
                    label = letter; // "A.", "B.", then "C." (or "I." after "H."): the next capital letter
                }
            }
            Node top = stack.get(stack.size() - 1);
            if (label == null) {
                top.children.add(new Node(line, null, top));
                continue;
            }
            int open = openIndex(stack, label);
            // a new list ("1.", "a)") under a deeper numbered item nests, even when its style is open higher up
            boolean nests = label.first() && top.label != null && top.label.style().numbered()
                    && top.label.rank() > label.rank() && (open < 0 || open < stack.size() - 1);
            if (!nests) {
                if (open > 0) {
                    while (stack.size() > open) {
                        stack.remove(stack.size() - 1);
                    }
                } else {
                    while (stack.size() > 1 && stack.get(stack.size() - 1).label.rank() >= label.rank()) {
                        stack.remove(stack.size() - 1);
                    }
                }
            }
            Node parent = stack.get(stack.size() - 1);
            if (stack.size() > MAX_DEPTH) {
                parent.children.add(new Node(line, null, parent));
                continue;
            }
            Node node = new Node(line, label, parent);
            parent.children.add(node);
            stack.add(node);
        }
        return root;
    }

    private static int openIndex(List<Node> stack, Label label) {
        String key = label.style() == Label.Style.CAPS ? Label.Style.ROMAN.name() : label.key();
        for (int i = stack.size() - 1; i >= 1; i--) {
            Label l = stack.get(i).label;
            String k = l.style() == Label.Style.CAPS ? Label.Style.ROMAN.name() : l.key();
            if (k.equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /** An unlabeled capitals line that reads as a section heading ("NỘI DUNG TUYÊN TRUYỀN" whose "II." was lost). */
    private static boolean isCapsHeading(Line line) {
        return line.text.length() < 160 && line.text.indexOf(' ') > 0 && Fold.isCaps(line.text)
                && !Closing.signatureStart(line.text);
    }

    /** Two items of one level with one number, and numbering that skips, anywhere in the outline. */
    public static List<Warning> numberingWarnings(Node root) {
        List<Warning> out = new ArrayList<>();
        List<Node> all = new ArrayList<>();
        all.add(root);
        all.addAll(root.descendants());
        for (Node parent : all) {
            Map<String, Node> last = new HashMap<>();
            for (Node child : parent.children) {
                Label l = child.label;
                if (l == null || !l.style().numbered()) {
                    continue;
                }
                Node before = last.put(l.key(), child);
                if (before == null) {
                    continue;
                }
                int previous = before.label.value();
                if (l.value() == previous) {
                    out.add(WarningCode.DUPLICATE_SECTION_NUMBER.at(child.where(), child.label.raw()));
                } else if (l.value() > previous + 1 && !(l.style() == Label.Style.LETTER && previous == 4
                        && l.value() == 6)) {
                    out.add(WarningCode.SECTION_NUMBER_GAP.at(child.where(), before.label.raw(), l.raw()));
                }
            }
        }
        return out;
    }
}
