package vn.lantoa.plan.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import vn.lantoa.planformat.ChannelKind;
import vn.lantoa.planformat.DocumentSystem;
import vn.lantoa.planformat.Frequency;
import vn.lantoa.planformat.Plan;
import vn.lantoa.planformat.Role;
import vn.lantoa.planformat.TaskKind;

/**
 * The plan editor (trình soạn kế hoạch): every member of a {@code lantoa.plan/1} plan as a form, built from the
 * format's shape rather than from what the plan happens to hold, so that a blank plan has every field and every list
 * can grow and shrink. A value's field is named by its JSON pointer ({@code f/document/title}); a time (a phase's
 * start or end, a task's or a report's due) is one widget named {@code t/<pointer>/…} (its shape, its day/month/year
 * text, or its event, edge, relation and offset). A list has an "add" button and each row a "remove" button: both
 * submit the form with {@code op=add:<pointer>} / {@code op=remove:<pointer>}, so the page comes back with the row
 * added or removed and everything typed kept (the whole plan travels in the form as JSON beside the fields).
 */
final class PlanEditor {

    static final String PREFIX = "f";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM/yyyy");
    /** Lists whose rows are single strings. */
    private static final List<String> STRING_LISTS = List.of("themes", "slogans", "recipients", "content", "items");
    private static final Pattern OP_POINTER = Pattern.compile("(/[a-zA-Z]+/?[0-9]*)+");

    /** Messages of the page, in the reader's language. */
    interface Labels {
        String get(String key, Object... args);
    }

    /** One choice of a select. */
    record Option(String value, String label) {
    }

    /**
     * A time as its widget shows it.
     *
     * @param shape    "", date, month, year, issued, event
     * @param text     the day dd/MM/yyyy, the month MM/yyyy or the year
     * @param event    the event's name (shape event)
     * @param edge     start or end
     * @param relation before, at or after
     * @param offset   days before (negative) or after the edge, or ""
     */
    record Time(String shape, String text, String event, String edge, String relation, String offset) {
    }

    /**
     * One node of the form.
     *
     * @param kind      section, list, group, field or time
     * @param pointer   where in the plan
     * @param name      the form field's name (fields: {@code f} + pointer; times: {@code t} + pointer)
     * @param label     as a person says it
     * @param type      for a field: text, area, date, select
     * @param value     for a field: its value as shown
     * @param options   for a select
     * @param children  of a section, list or group
     * @param add       for a list: its add button's text
     * @param removable whether the row has a remove button
     * @param time      for a time: its parts
     * @param error     what is wrong with it, in the reader's language, or null
     */
    record Node(String kind, String pointer, String name, String label, String type, String value,
            List<Option> options, List<Node> children, String add, boolean removable, Time time, String error) {
    }

    /** The plan after what was typed was set into it, and what could not be read (by pointer). */
    record Applied(ObjectNode tree, Map<String, String> errors) {
    }

    private final Labels labels;
    private final Map<String, String> errors;

    private PlanEditor(Labels labels, Map<String, String> errors) {
        this.labels = labels;
        this.errors = errors == null ? Map.of() : errors;
    }

    /** A plan with nothing written yet ("Soạn kế hoạch mới"): the header's fields and empty lists. */
    static ObjectNode blank() {
        ObjectNode root = NODES.objectNode();
        root.put("format", Plan.FORMAT);
        ObjectNode document = root.putObject("document");
        document.put("kind", "KH");
        for (String member : List.of("number", "symbol", "system", "issuedOn", "place", "issuer", "title")) {
            document.putNull(member);
        }
        ObjectNode signer = document.putObject("signer");
        signer.putNull("name");
        signer.putNull("position");
        signer.putNull("authority");
        for (String list : List.of("bases", "citations", "events", "phases", "channels", "themes", "slogans",
                "assignments", "reporting", "recipients", "warnings")) {
            root.putArray(list);
        }
        return root;
    }

    // ------------------------------------------------------------------------------------------------ the form

    /**
     * The form of a plan, section by section.
     *
     * @param errors what is wrong, by JSON pointer (shown next to the field; a time shows those under its pointer)
     */
    static List<Node> form(JsonNode tree, Labels labels, Map<String, String> errors) {
        return new PlanEditor(labels, errors).sections(tree);
    }

    private List<Node> sections(JsonNode tree) {
        List<Node> out = new ArrayList<>();
        JsonNode d = tree.path("document");
        List<Node> header = new ArrayList<>();
        header.add(field("/document/kind", d.path("kind"), "text"));
        header.add(field("/document/number", d.path("number"), "text"));
        header.add(field("/document/symbol", d.path("symbol"), "text"));
        header.add(select("/document/system", d.path("system"), DocumentSystem.values(), "plan.editor.system."));
        header.add(field("/document/issuedOn", d.path("issuedOn"), "date"));
        header.add(field("/document/place", d.path("place"), "text"));
        header.add(field("/document/issuer", d.path("issuer"), "text"));
        header.add(field("/document/title", d.path("title"), "area"));
        JsonNode s = d.path("signer");
        List<Node> signer = List.of(field("/document/signer/name", s.path("name"), "text"),
                field("/document/signer/position", s.path("position"), "text"),
                field("/document/signer/authority", s.path("authority"), "text"));
        header.add(group("/document/signer", labels.get("plan.field.signer"), signer, false));
        out.add(section("/document", header));
        for (String list : List.of("bases", "citations", "events", "phases", "channels", "themes", "slogans",
                "assignments", "reporting", "recipients")) {
            out.add(section("/" + list, List.of(list("/" + list, tree.path(list)))));
        }
        return out;
    }

    private Node section(String pointer, List<Node> children) {
        String name = pointer.substring(1);
        return new Node("section", pointer, null, labels.get("plan.field." + name), null, null, List.of(), children,
                null, false, null, errors.get(pointer));
    }

    private Node list(String pointer, JsonNode array) {
        String member = last(pointer);
        String kind = itemKind(pointer);
        List<Node> rows = new ArrayList<>();
        for (int i = 0; array.isArray() && i < array.size(); i++) {
            rows.add(item(kind, pointer + "/" + i, array.get(i), i));
        }
        return new Node("list", pointer, null, labels.get("plan.field." + member), null, null, List.of(), rows,
                labels.get("plan.editor.add." + kind), false, null, errors.get(pointer));
    }

    private Node item(String kind, String p, JsonNode n, int index) {
        String title = labels.get("plan.editor.item." + kind, index + 1);
        return switch (kind) {
            case "ref" -> group(p, title, List.of(field(p + "/kind", n.path("kind"), "text"),
                    field(p + "/symbol", n.path("symbol"), "text"), field(p + "/issuedOn", n.path("issuedOn"), "date"),
                    field(p + "/issuer", n.path("issuer"), "text")), true);
            case "event" -> group(p, title, List.of(field(p + "/name", n.path("name"), "text"),
                    field(p + "/start", n.path("start"), "date"), field(p + "/end", n.path("end"), "date")), true);
            case "phase" -> group(p, title, List.of(field(p + "/label", n.path("label"), "text"),
                    field(p + "/title", n.path("title"), "area"), time(p + "/start", n.path("start"), false),
                    time(p + "/end", n.path("end"), false), list(p + "/content", n.path("content")),
                    list(p + "/phases", n.path("phases"))), true);
            case "channel" -> group(p, title, List.of(
                    select(p + "/kind", n.path("kind"), ChannelKind.values(), "plan.editor.channel."),
                    field(p + "/title", n.path("title"), "text"), list(p + "/items", n.path("items"))), true);
            case "assignment" -> group(p, title, List.of(field(p + "/unit", n.path("unit"), "text"),
                    select(p + "/role", n.path("role"), Role.values(), "plan.role."),
                    list(p + "/tasks", n.path("tasks"))), true);
            case "task" -> group(p, title, List.of(field(p + "/text", n.path("text"), "area"),
                    select(p + "/kind", n.path("kind"), TaskKind.values(), "plan.editor.task."),
                    time(p + "/due", n.path("due"), false)), true);
            case "reporting" -> group(p, title, List.of(field(p + "/from", n.path("from"), "text"),
                    field(p + "/to", n.path("to"), "text"), field(p + "/via", n.path("via"), "text"),
                    select(p + "/frequency", n.path("frequency"), Frequency.values(), "plan.editor.frequency."),
                    list(p + "/due", n.path("due"))), true);
            case "time" -> time(p, n, true);
            case "area" -> removable(field(p, n, "area"), title);
            default -> removable(field(p, n, "text"), title);
        };
    }

    private static Node removable(Node f, String label) {
        return new Node(f.kind(), f.pointer(), f.name(), label, f.type(), f.value(), f.options(), f.children(), null,
                true, null, f.error());
    }

    private Node group(String pointer, String label, List<Node> children, boolean removable) {
        return new Node("group", pointer, null, label, null, null, List.of(), children, null, removable, null,
                errors.get(pointer));
    }

    private Node field(String pointer, JsonNode value, String type) {
        String shown = value == null || value.isNull() || value.isMissingNode() ? "" : value.asString();
        if (type.equals("date") && !shown.isEmpty()) {
            try {
                shown = LocalDate.parse(shown).format(DAY);
            } catch (DateTimeParseException e) {
                // shown as stored
            }
        }
        return new Node("field", pointer, PREFIX + pointer, labels.get("plan.field." + last(pointer)), type,
                shown, List.of(), List.of(), null, false, null, errors.get(pointer));
    }

    private Node select(String pointer, JsonNode value, Enum<?>[] values, String prefix) {
        List<Option> options = new ArrayList<>();
        options.add(new Option("", labels.get("plan.editor.none")));
        for (Enum<?> v : values) {
            String json = v.name().toLowerCase(Locale.ROOT);
            options.add(new Option(json, labels.get(prefix + json)));
        }
        Node f = field(pointer, value, "select");
        return new Node("field", pointer, f.name(), f.label(), "select", f.value(), options, List.of(), null, false,
                null, f.error());
    }

    private Node time(String pointer, JsonNode t, boolean removable) {
        String shape = "";
        String text = "";
        String event = "";
        String edge = "start";
        String relation = "before";
        String offset = "";
        if (t != null && t.isObject()) {
            if (t.has("date")) {
                shape = "date";
                text = t.path("date").asString("");
                try {
                    text = LocalDate.parse(text).format(DAY);
                } catch (DateTimeParseException e) {
                    // shown as stored
                }
            } else if (t.has("month")) {
                shape = "month";
                text = t.path("month").asString("");
                try {
                    text = YearMonth.parse(text).format(MONTH);
                } catch (DateTimeParseException e) {
                    // shown as stored
                }
            } else if (t.has("year")) {
                shape = "year";
                text = t.path("year").asString("");
            } else if (t.has("ref")) {
                shape = "issued";
            } else if (t.has("event")) {
                shape = "event";
                event = t.path("event").asString("");
                edge = t.path("edge").asString("start");
                relation = t.path("relation").asString("before");
                offset = t.path("offsetDays").isNull() || t.path("offsetDays").isMissingNode() ? ""
                        : t.path("offsetDays").asString();
            }
        }
        String error = null;
        for (Map.Entry<String, String> e : errors.entrySet()) {
            if (e.getKey().equals(pointer) || e.getKey().startsWith(pointer + "/")) {
                error = e.getValue();
                break;
            }
        }
        String label = removable ? labels.get("plan.editor.item.time", Integer.parseInt(last(pointer)) + 1)
                : labels.get("plan.field." + last(pointer));
        return new Node("time", pointer, "t" + pointer, label, null, null, List.of(), List.of(), null, removable,
                new Time(shape, text, event, edge, relation, offset), error);
    }

    // ------------------------------------------------------------------------------------ reading the form back

    /**
     * Sets what was typed into (a copy of) the plan: blank becomes null, a day dd/MM/yyyy becomes ISO, a time is
     * built from its widget. Fields that name nothing of the plan are ignored; what cannot be read is left as it was
     * and reported by pointer.
     */
    static Applied apply(ObjectNode tree, Map<String, String> params, Labels labels) {
        ObjectNode copy = tree.deepCopy();
        Map<String, String> errors = new LinkedHashMap<>();
        List<Node> leaves = new ArrayList<>();
        collect(new PlanEditor(labels, null).sections(copy), leaves);
        for (Node n : leaves) {
            if (n.kind().equals("field")) {
                String submitted = params.get(n.name());
                if (submitted == null) {
                    continue;
                }
                String v = submitted.strip();
                if (v.isEmpty()) {
                    set(copy, n.pointer(), NODES.nullNode());
                } else if (n.type().equals("date")) {
                    LocalDate day = day(v);
                    if (day == null) {
                        errors.put(n.pointer(), labels.get("plan.editor.error.date", v));
                    } else {
                        set(copy, n.pointer(), NODES.stringNode(day.toString()));
                    }
                } else {
                    set(copy, n.pointer(), NODES.stringNode(v));
                }
            } else if (n.kind().equals("time")) {
                String shape = params.get(n.name() + "/shape");
                if (shape == null) {
                    continue;
                }
                try {
                    set(copy, n.pointer(), timeRef(n.name(), shape, params, labels));
                } catch (IllegalArgumentException e) {
                    errors.put(n.pointer(), e.getMessage());
                }
            }
        }
        return new Applied(copy, errors);
    }

    private static void collect(List<Node> nodes, List<Node> out) {
        for (Node n : nodes) {
            if (n.kind().equals("field") || n.kind().equals("time")) {
                out.add(n);
            }
            collect(n.children(), out);
        }
    }

    private static JsonNode timeRef(String name, String shape, Map<String, String> params, Labels labels) {
        String text = params.getOrDefault(name + "/text", "").strip();
        ObjectNode t = NODES.objectNode();
        switch (shape) {
            case "date" -> {
                LocalDate day = day(text);
                if (day == null) {
                    throw new IllegalArgumentException(labels.get("plan.editor.error.date", text));
                }
                t.put("date", day.toString());
            }
            case "month" -> {
                try {
                    t.put("month", YearMonth.parse(text, DateTimeFormatter.ofPattern("M/uuuu")).toString());
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException(labels.get("plan.editor.error.month", text));
                }
            }
            case "year" -> {
                try {
                    int year = Integer.parseInt(text);
                    if (year < 1 || year > 9999) {
                        throw new NumberFormatException();
                    }
                    t.put("year", year);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(labels.get("plan.editor.error.year", text));
                }
            }
            case "issued" -> t.put("ref", "issued");
            case "event" -> {
                String event = params.getOrDefault(name + "/event", "").strip();
                if (event.isEmpty()) {
                    throw new IllegalArgumentException(labels.get("plan.editor.error.event"));
                }
                t.put("event", event);
                t.put("edge", "end".equals(params.get(name + "/edge")) ? "end" : "start");
                String relation = params.getOrDefault(name + "/relation", "before");
                t.put("relation", List.of("before", "at", "after").contains(relation) ? relation : "before");
                String offset = params.getOrDefault(name + "/offset", "").strip();
                if (!offset.isEmpty()) {
                    try {
                        t.put("offsetDays", Integer.parseInt(offset.replace("+", "")));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(labels.get("plan.editor.error.offset", offset));
                    }
                }
            }
            default -> {
                return NODES.nullNode();
            }
        }
        return t;
    }

    private static LocalDate day(String typed) {
        try {
            return LocalDate.parse(typed, DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT));
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(typed);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- add, remove

    /**
     * Adds a row to a list ({@code add:/assignments/0/tasks}) or removes one ({@code remove:/phases/1}).
     *
     * @return the pointer of the row added, or of the list a row was removed from (to bring it into view); null when
     *         the operation names nothing of the plan
     */
    static String operate(ObjectNode tree, String op) {
        if (op == null || op.isBlank()) {
            return null;
        }
        int colon = op.indexOf(':');
        String verb = colon < 0 ? op : op.substring(0, colon);
        String pointer = colon < 0 ? "" : op.substring(colon + 1);
        if (!OP_POINTER.matcher(pointer).matches() || pointer.startsWith("/warnings")
                || pointer.startsWith("/document") || pointer.startsWith("/format")) {
            return null;
        }
        if (verb.equals("add")) {
            JsonNode at = tree.at(pointer);
            JsonNode parent = tree.at(pointer.substring(0, pointer.lastIndexOf('/')));
            if ((at.isMissingNode() || at.isNull()) && parent instanceof ObjectNode o && !last(pointer).equals("due")) {
                at = o.putArray(last(pointer)); // a list the plan does not state yet ("due" of a task is a time)
            }
            if (!(at instanceof ArrayNode list)) {
                return null;
            }
            list.add(skeleton(itemKind(pointer)));
            return pointer + "/" + (list.size() - 1);
        }
        if (verb.equals("remove")) {
            int cut = pointer.lastIndexOf('/');
            JsonNode parent = tree.at(pointer.substring(0, cut));
            String index = pointer.substring(cut + 1);
            if (parent instanceof ArrayNode a && index.matches("[0-9]+") && Integer.parseInt(index) < a.size()) {
                a.remove(Integer.parseInt(index));
                return pointer.substring(0, cut);
            }
        }
        return null;
    }

    /** What a row of a list holds: ref, event, phase, channel, assignment, task, reporting, time, area or text. */
    static String itemKind(String listPointer) {
        String member = last(listPointer);
        return switch (member) {
            case "bases", "citations" -> "ref";
            case "events" -> "event";
            case "phases" -> "phase";
            case "channels" -> "channel";
            case "assignments" -> "assignment";
            case "tasks" -> "task";
            case "reporting" -> "reporting";
            case "due" -> "time";
            case "content", "items" -> "area";
            default -> "text";
        };
    }

    private static JsonNode skeleton(String kind) {
        ObjectNode n = NODES.objectNode();
        switch (kind) {
            case "ref" -> {
                n.put("kind", "KH");
                n.putNull("symbol");
                n.putNull("issuedOn");
                n.putNull("issuer");
            }
            case "event" -> {
                n.putNull("name");
                n.putNull("start");
                n.putNull("end");
            }
            case "phase" -> {
                n.putNull("label");
                n.putNull("title");
                n.putNull("start");
                n.putNull("end");
                n.putArray("content");
                n.putArray("phases");
            }
            case "channel" -> {
                n.put("kind", "other");
                n.putNull("title");
                n.putArray("items");
            }
            case "assignment" -> {
                n.putNull("unit");
                n.put("role", "lead");
                n.putArray("tasks");
            }
            case "task" -> {
                n.putNull("text");
                n.putNull("due");
                n.put("kind", "activity");
            }
            case "reporting" -> {
                n.putNull("from");
                n.putNull("to");
                n.putNull("via");
                n.putNull("frequency");
                n.putArray("due");
            }
            default -> {
                return NODES.nullNode();
            }
        }
        return n;
    }

    /**
     * The plan as it is saved: rows of a list of strings or of times left blank are dropped (an empty row added and
     * never filled means nothing).
     */
    static ObjectNode cleaned(ObjectNode tree) {
        ObjectNode copy = tree.deepCopy();
        clean(copy, "");
        return copy;
    }

    private static void clean(JsonNode node, String member) {
        if (node instanceof ArrayNode a) {
            if (STRING_LISTS.contains(member) || member.equals("due")) {
                for (int i = a.size() - 1; i >= 0; i--) {
                    JsonNode item = a.get(i);
                    if (item == null || item.isNull() || item.isString() && item.asString().isBlank()) {
                        a.remove(i);
                    }
                }
            }
            for (JsonNode item : a) {
                clean(item, "");
            }
        } else if (node instanceof ObjectNode o) {
            for (String name : List.copyOf(o.propertyNames())) {
                clean(o.get(name), name);
            }
        }
    }

    private static String last(String pointer) {
        return pointer.substring(pointer.lastIndexOf('/') + 1);
    }

    private static void set(ObjectNode root, String pointer, JsonNode value) {
        String[] parts = pointer.substring(1).split("/");
        JsonNode parent = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = parent.isArray() ? parent.get(Integer.parseInt(parts[i])) : parent.get(parts[i]);
            if ((next == null || next.isNull()) && parent instanceof ObjectNode o) {
                next = o.putObject(parts[i]);
            }
            if (next == null) {
                return;
            }
            parent = next;
        }
        String last = parts[parts.length - 1];
        if (parent instanceof ObjectNode o) {
            o.set(last, value);
        } else if (parent instanceof ArrayNode a) {
            a.set(Integer.parseInt(last), value);
        }
    }
}
