package vn.lantoa.importing.structure;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** One heading or item of the outline, with what it holds. The root has no line. */
public final class Node {

    public final Line line;
    public final Label label;
    public final Node parent;
    public final List<Node> children = new ArrayList<>();
    final int depth;
    /** Remembered answers about the heading (-1: not asked yet). */
    byte phaseHeading = -1;
    byte temporalHeading = -1;

    Node(Line line, Label label, Node parent) {
        this.line = line;
        this.label = label;
        this.parent = parent;
        this.depth = parent == null ? 0 : parent.depth + 1;
    }

    /** The heading's text without its label ("" for the root). */
    public String heading() {
        return line == null ? "" : line.body;
    }

    public String headingFolded() {
        return line == null ? "" : line.bodyFolded;
    }

    public boolean labeled() {
        return label != null;
    }

    /** The children that carry a label. */
    public List<Node> labeledChildren() {
        List<Node> out = new ArrayList<>();
        for (Node c : children) {
            if (c.labeled()) {
                out.add(c);
            }
        }
        return out;
    }

    /** Every node below this one, in document order (iterative: outlines may be deep). */
    public List<Node> descendants() {
        List<Node> out = new ArrayList<>();
        Deque<Node> stack = new ArrayDeque<>();
        for (int i = children.size() - 1; i >= 0; i--) {
            stack.push(children.get(i));
        }
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            out.add(n);
            for (int i = n.children.size() - 1; i >= 0; i--) {
                stack.push(n.children.get(i));
            }
        }
        return out;
    }

    /** The texts of every node below, in document order, labels dropped. */
    public List<String> texts() {
        List<String> out = new ArrayList<>();
        for (Node n : descendants()) {
            out.add(n.heading());
        }
        return out;
    }

    /** The heading and everything below as one text. */
    public String fullText() {
        StringBuilder out = new StringBuilder(heading());
        for (Node n : descendants()) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(n.heading());
        }
        return out.toString();
    }

    /** The label path for a warning ("II.2.1"), or a quote of the line. */
    public String where() {
        return line == null ? "" : line.quote();
    }

    @Override
    public String toString() {
        return line == null ? "(root)" : line.text;
    }
}
