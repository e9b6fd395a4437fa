package vn.lantoa.plan.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import vn.lantoa.shared.Problem;

/**
 * The plan editor's fields: every value of a plan (its {@code lantoa.plan/1} tree) as one form field named by its
 * JSON pointer ({@code f/document/title}, {@code f/assignments/0/tasks/1/due/date}), grouped by section, dates shown
 * and typed as dd/MM/yyyy; and back: the submitted fields set into the tree they came from. Every field of the format
 * is editable this way, phases with their times and assignments with their tasks and dues included.
 */
final class PlanForm {

    static final String PREFIX = "f";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    /** Members kept out of the form: the format's name, and the importer's warnings (shown, not edited). */
    private static final List<String> HIDDEN = List.of("/format", "/warnings");

    /**
     * One field.
     *
     * @param name    the form field's name ({@code f} + pointer)
     * @param pointer where in the plan
     * @param label   where, as a person says it
     * @param section the top-level member it belongs to ("document", "phases" …)
     * @param type    text, date, number or area (long text)
     * @param value   its value as shown
     */
    record Field(String name, String pointer, String label, String section, String type, String value) {
    }

    private PlanForm() {
    }

    static List<Field> fields(JsonNode tree, java.util.function.Function<String, String> labels) {
        List<Field> out = new ArrayList<>();
        walk("", tree, labels, out);
        return out;
    }

    private static void walk(String pointer, JsonNode node, java.util.function.Function<String, String> labels,
            List<Field> out) {
        if (HIDDEN.contains(pointer)) {
            return;
        }
        if (node.isObject()) {
            for (String name : node.propertyNames()) {
                walk(pointer + "/" + name, node.get(name), labels, out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(pointer + "/" + i, node.get(i), labels, out);
            }
        } else {
            String section = pointer.split("/")[1];
            String type = date(pointer) ? "date" : node.isNumber() ? "number"
                    : node.isString() && node.asString().length() > 90 ? "area" : "text";
            String value = node.isNull() ? "" : node.asString();
            if (type.equals("date") && !value.isEmpty()) {
                try {
                    value = LocalDate.parse(value).format(DAY);
                } catch (DateTimeParseException e) {
                    // shown as stored
                }
            }
            out.add(new Field(PREFIX + pointer, pointer, labels.apply(pointer), section, type, value));
        }
    }

    private static boolean date(String pointer) {
        return pointer.endsWith("/date") || pointer.endsWith("/issuedOn") || pointer.endsWith("/start")
                && pointer.startsWith("/events") || pointer.endsWith("/end") && pointer.startsWith("/events");
    }

    /**
     * Sets the submitted fields into the tree (a copy): blank becomes null, a date typed dd/MM/yyyy becomes ISO, a
     * number stays a number; fields that name no value of the tree are ignored.
     *
     * @throws Problem 400 {@code PLAN_FORM_DATE} for a date that cannot be read
     */
    static ObjectNode apply(ObjectNode tree, Map<String, String> params) {
        ObjectNode copy = tree.deepCopy();
        for (Field f : fields(copy, p -> p)) {
            String submitted = params.get(f.name());
            if (submitted == null) {
                continue;
            }
            String v = submitted.strip();
            JsonNode value;
            if (v.isEmpty()) {
                value = JsonNodeFactory.instance.nullNode();
            } else if (f.type().equals("date")) {
                value = JsonNodeFactory.instance.stringNode(isoDate(v, f.label()));
            } else if (f.type().equals("number")) {
                try {
                    value = JsonNodeFactory.instance.numberNode(Long.parseLong(v));
                } catch (NumberFormatException e) {
                    throw Problem.badRequest("PLAN_FORM_NUMBER", "\"{0}\" ở {1} không phải là số.", v, f.label());
                }
            } else {
                value = JsonNodeFactory.instance.stringNode(v);
            }
            set(copy, f.pointer(), value);
        }
        return copy;
    }

    static String isoDate(String typed, String label) {
        try {
            return LocalDate.parse(typed, DateTimeFormatter.ofPattern("d/M/uuuu")).toString();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(typed).toString();
            } catch (DateTimeParseException e2) {
                throw Problem.badRequest("PLAN_FORM_DATE", "Ngày \"{0}\" ở {1} không đọc được: hãy ghi dd/MM/yyyy.",
                        typed, label);
            }
        }
    }

    private static void set(JsonNode root, String pointer, JsonNode value) {
        int cut = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, cut));
        String last = pointer.substring(cut + 1);
        if (parent instanceof ObjectNode o) {
            o.set(last, value);
        } else if (parent instanceof ArrayNode a) {
            a.set(Integer.parseInt(last), value);
        }
    }
}
