package vn.lantoa.planformat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * Checks a plan: the JSON's shape (member types, known values, one shape per time) and the plan's own consistency (a
 * phase that ends before it starts, a deadline before the issue date, a time relative to an event the plan does not
 * list). Every violation carries a JSON pointer. Plain Java.
 */
public final class PlanValidation {

    /** Nested sub-phases deeper than this are refused (a person never writes them; a hostile file might). */
    static final int MAX_PHASE_DEPTH = 64;

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern ISO_MONTH = Pattern.compile("\\d{4}-\\d{2}");

    private PlanValidation() {
    }

    /** Everything wrong with a JSON text: its shape first; when the shape is right, its consistency. */
    public static List<PlanViolation> validate(String json) {
        JsonNode root;
        try {
            root = PlanJson.parse(json);
        } catch (PlanFormatException e) {
            return e.violations();
        }
        List<PlanViolation> violations = structure(root);
        if (!violations.isEmpty()) {
            return violations;
        }
        return validate(PlanJson.fromTree(root));
    }

    /** The plan's contradictions with itself. */
    public static List<PlanViolation> validate(Plan plan) {
        List<PlanViolation> out = new ArrayList<>();
        LocalDate issued = plan.document().issuedOn();
        Set<String> events = new HashSet<>();
        for (int i = 0; i < plan.events().size(); i++) {
            Event e = plan.events().get(i);
            events.add(e.name());
            if (e.start() != null && e.end() != null && e.end().isBefore(e.start())) {
                out.add(PlanViolation.of("/events/" + i + "/end", "event-ends-before-start", e.name()));
            }
        }
        checkPhases(plan.phases(), "/phases", issued, events, out, 0);
        for (int i = 0; i < plan.assignments().size(); i++) {
            List<Task> tasks = plan.assignments().get(i).tasks();
            for (int j = 0; j < tasks.size(); j++) {
                checkDue(tasks.get(j).due(), "/assignments/" + i + "/tasks/" + j + "/due", issued, events, out);
            }
        }
        for (int i = 0; i < plan.reporting().size(); i++) {
            List<TimeRef> due = plan.reporting().get(i).due();
            for (int j = 0; j < due.size(); j++) {
                checkDue(due.get(j), "/reporting/" + i + "/due/" + j, issued, events, out);
            }
        }
        if (issued != null) {
            for (int i = 0; i < plan.bases().size(); i++) {
                DocumentRef basis = plan.bases().get(i);
                if (basis.issuedOn() != null && issued.isBefore(basis.issuedOn())) {
                    out.add(PlanViolation.of("/bases/" + i + "/issuedOn", "issued-before-basis", basis.symbol(),
                            basis.issuedOn(), issued));
                }
            }
        }
        return out;
    }

    private static void checkPhases(List<Phase> phases, String path, LocalDate issued, Set<String> events,
            List<PlanViolation> out, int depth) {
        if (depth > MAX_PHASE_DEPTH) {
            return;
        }
        for (int i = 0; i < phases.size(); i++) {
            Phase p = phases.get(i);
            String at = path + "/" + i;
            checkEvent(p.start(), at + "/start", events, out);
            checkEvent(p.end(), at + "/end", events, out);
            if (endsBeforeStart(p.start(), p.end(), issued)) {
                out.add(PlanViolation.of(at + "/end", "phase-ends-before-start",
                        p.label() == null ? String.valueOf(i + 1) : p.label()));
            }
            checkPhases(p.phases(), at + "/phases", issued, events, out, depth + 1);
        }
    }

    /** Whether a time span's end lies wholly before its start (two calendar times; events are not compared). */
    public static boolean endsBeforeStart(TimeRef start, TimeRef end, LocalDate issuedOn) {
        if (start == null || end == null) {
            return false;
        }
        Optional<LocalDate> from = start.earliest(issuedOn);
        Optional<LocalDate> to = end.latest(issuedOn);
        return from.isPresent() && to.isPresent() && to.get().isBefore(from.get());
    }

    /** Whether a due time lies wholly before the issue date. */
    public static boolean dueBeforeIssue(TimeRef due, LocalDate issuedOn) {
        if (due == null || issuedOn == null || due instanceof TimeRef.Issued) {
            return false;
        }
        Optional<LocalDate> last = due.latest(issuedOn);
        return last.isPresent() && last.get().isBefore(issuedOn);
    }

    private static void checkDue(TimeRef due, String at, LocalDate issued, Set<String> events,
            List<PlanViolation> out) {
        checkEvent(due, at, events, out);
        if (dueBeforeIssue(due, issued)) {
            out.add(PlanViolation.of(at, "due-before-issue-date", due.latest(issued).orElseThrow(), issued));
        }
    }

    private static void checkEvent(TimeRef t, String at, Set<String> events, List<PlanViolation> out) {
        if (t instanceof TimeRef.Relative r && !events.contains(r.event())) {
            out.add(PlanViolation.of(at + "/event", "unknown-event", r.event()));
        }
    }

    // ---- the shape of the JSON

    private enum Type { STRING, DATE, SYSTEM, CHANNEL_KIND, ROLE, TASK_KIND, FREQUENCY, SIGNER, TIMEREF, STRINGS,
        REFS, EVENTS, PHASES, CHANNELS, ASSIGNMENTS, TASKS, REPORTING, TIMEREFS, WARNINGS, DOCUMENT, FORMAT }

    /** Members of each object, with their types; the boolean says whether the member must be present and non-null. */
    private record Member(Type type, boolean required) {
    }

    private static final Map<String, Member> ROOT = Map.ofEntries(
            Map.entry("format", new Member(Type.FORMAT, true)),
            Map.entry("document", new Member(Type.DOCUMENT, true)),
            Map.entry("bases", new Member(Type.REFS, false)),
            Map.entry("citations", new Member(Type.REFS, false)),
            Map.entry("events", new Member(Type.EVENTS, false)),
            Map.entry("phases", new Member(Type.PHASES, false)),
            Map.entry("channels", new Member(Type.CHANNELS, false)),
            Map.entry("themes", new Member(Type.STRINGS, false)),
            Map.entry("slogans", new Member(Type.STRINGS, false)),
            Map.entry("assignments", new Member(Type.ASSIGNMENTS, false)),
            Map.entry("reporting", new Member(Type.REPORTING, false)),
            Map.entry("recipients", new Member(Type.STRINGS, false)),
            Map.entry("warnings", new Member(Type.WARNINGS, false)));
    private static final Map<String, Member> DOCUMENT = Map.of(
            "kind", new Member(Type.STRING, false), "number", new Member(Type.STRING, false),
            "symbol", new Member(Type.STRING, false), "system", new Member(Type.SYSTEM, false),
            "issuedOn", new Member(Type.DATE, false), "place", new Member(Type.STRING, false),
            "issuer", new Member(Type.STRING, false), "title", new Member(Type.STRING, false),
            "signer", new Member(Type.SIGNER, false));
    private static final Map<String, Member> SIGNER = Map.of("name", new Member(Type.STRING, false),
            "position", new Member(Type.STRING, false), "authority", new Member(Type.STRING, false));
    private static final Map<String, Member> REF = Map.of("kind", new Member(Type.STRING, false),
            "symbol", new Member(Type.STRING, false), "issuedOn", new Member(Type.DATE, false),
            "issuer", new Member(Type.STRING, false));
    private static final Map<String, Member> EVENT = Map.of("name", new Member(Type.STRING, true),
            "start", new Member(Type.DATE, false), "end", new Member(Type.DATE, false));
    private static final Map<String, Member> PHASE = Map.of("label", new Member(Type.STRING, false),
            "title", new Member(Type.STRING, false), "start", new Member(Type.TIMEREF, false),
            "end", new Member(Type.TIMEREF, false), "content", new Member(Type.STRINGS, false),
            "phases", new Member(Type.PHASES, false));
    private static final Map<String, Member> CHANNEL = Map.of("kind", new Member(Type.CHANNEL_KIND, true),
            "title", new Member(Type.STRING, false), "items", new Member(Type.STRINGS, false));
    private static final Map<String, Member> ASSIGNMENT = Map.of("unit", new Member(Type.STRING, true),
            "role", new Member(Type.ROLE, true), "tasks", new Member(Type.TASKS, false));
    private static final Map<String, Member> TASK = Map.of("text", new Member(Type.STRING, true),
            "due", new Member(Type.TIMEREF, false), "kind", new Member(Type.TASK_KIND, true));
    private static final Map<String, Member> REPORT = Map.of("from", new Member(Type.STRING, false),
            "to", new Member(Type.STRING, false), "via", new Member(Type.STRING, false),
            "frequency", new Member(Type.FREQUENCY, false), "due", new Member(Type.TIMEREFS, false));
    private static final Map<String, Member> WARNING = Map.of("code", new Member(Type.STRING, true),
            "message", new Member(Type.STRING, false), "where", new Member(Type.STRING, false));

    /** The shape of a plan's JSON tree: what a reader needs to be right before it can build the records. */
    static List<PlanViolation> structure(JsonNode root) {
        List<PlanViolation> out = new ArrayList<>();
        object(root, "", ROOT, out, 0);
        return out;
    }

    private static void object(JsonNode node, String at, Map<String, Member> members, List<PlanViolation> out,
            int depth) {
        if (!node.isObject()) {
            out.add(PlanViolation.of(at, "type", "object"));
            return;
        }
        for (String name : node.propertyNames()) {
            if (!members.containsKey(name)) {
                out.add(PlanViolation.of(at + "/" + escape(name), "unknown-field", name));
            }
        }
        for (Map.Entry<String, Member> m : members.entrySet()) {
            JsonNode value = node.get(m.getKey());
            String path = at + "/" + m.getKey();
            if (value == null || value.isNull()) {
                if (m.getValue().required()) {
                    out.add(PlanViolation.of(path, "required", m.getKey()));
                }
                continue;
            }
            value(value, path, m.getValue().type(), out, depth);
        }
    }

    private static void value(JsonNode v, String at, Type type, List<PlanViolation> out, int depth) {
        switch (type) {
            case STRING -> string(v, at, out);
            case FORMAT -> {
                if (!v.isString() || !Plan.FORMAT.equals(v.asString())) {
                    out.add(PlanViolation.of(at, "format", Plan.FORMAT));
                }
            }
            case DATE -> date(v, at, out);
            case SYSTEM -> known(v, at, out, DocumentSystem.fromJson(v.isString() ? v.asString() : null) != null);
            case CHANNEL_KIND -> known(v, at, out, ChannelKind.fromJson(v.isString() ? v.asString() : null) != null);
            case ROLE -> known(v, at, out, Role.fromJson(v.isString() ? v.asString() : null) != null);
            case TASK_KIND -> known(v, at, out, TaskKind.fromJson(v.isString() ? v.asString() : null) != null);
            case FREQUENCY -> known(v, at, out, Frequency.fromJson(v.isString() ? v.asString() : null) != null);
            case SIGNER -> object(v, at, SIGNER, out, depth);
            case DOCUMENT -> object(v, at, DOCUMENT, out, depth);
            case TIMEREF -> timeRef(v, at, out);
            case STRINGS -> array(v, at, Type.STRING, out, depth);
            case REFS -> objects(v, at, REF, out, depth);
            case EVENTS -> objects(v, at, EVENT, out, depth);
            case PHASES -> {
                if (depth >= MAX_PHASE_DEPTH) {
                    out.add(PlanViolation.of(at, "depth", MAX_PHASE_DEPTH));
                } else {
                    objects(v, at, PHASE, out, depth + 1);
                }
            }
            case CHANNELS -> objects(v, at, CHANNEL, out, depth);
            case ASSIGNMENTS -> objects(v, at, ASSIGNMENT, out, depth);
            case TASKS -> objects(v, at, TASK, out, depth);
            case REPORTING -> objects(v, at, REPORT, out, depth);
            case TIMEREFS -> array(v, at, Type.TIMEREF, out, depth);
            case WARNINGS -> objects(v, at, WARNING, out, depth);
            default -> throw new IllegalStateException(type.name());
        }
    }

    private static void objects(JsonNode v, String at, Map<String, Member> members, List<PlanViolation> out,
            int depth) {
        if (!v.isArray()) {
            out.add(PlanViolation.of(at, "type", "array"));
            return;
        }
        int i = 0;
        for (JsonNode item : v.values()) {
            object(item, at + "/" + i++, members, out, depth);
        }
    }

    private static void array(JsonNode v, String at, Type each, List<PlanViolation> out, int depth) {
        if (!v.isArray()) {
            out.add(PlanViolation.of(at, "type", "array"));
            return;
        }
        int i = 0;
        for (JsonNode item : v.values()) {
            String path = at + "/" + i++;
            if (item.isNull()) {
                out.add(PlanViolation.of(path, "required", path));
            } else {
                value(item, path, each, out, depth);
            }
        }
    }

    private static void string(JsonNode v, String at, List<PlanViolation> out) {
        if (!v.isString()) {
            out.add(PlanViolation.of(at, "type", "string"));
        }
    }

    private static void known(JsonNode v, String at, List<PlanViolation> out, boolean known) {
        if (!v.isString()) {
            out.add(PlanViolation.of(at, "type", "string"));
        } else if (!known) {
            out.add(PlanViolation.of(at, "unknown-value", v.asString()));
        }
    }

    private static void date(JsonNode v, String at, List<PlanViolation> out) {
        if (!v.isString() || !ISO_DATE.matcher(v.asString()).matches() || !parses(v.asString(), false)) {
            out.add(PlanViolation.of(at, "date-format", v.isString() ? v.asString() : v.toString()));
        }
    }

    private static boolean parses(String text, boolean month) {
        try {
            if (month) {
                YearMonth.parse(text);
            } else {
                LocalDate.parse(text);
            }
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static final Set<String> RELATIVE = Set.of("event", "edge", "relation", "offsetDays");

    private static void timeRef(JsonNode v, String at, List<PlanViolation> out) {
        if (!v.isObject()) {
            out.add(PlanViolation.of(at, "type", "object"));
            return;
        }
        Set<String> names = new HashSet<>(v.propertyNames());
        if (names.size() == 1 && names.contains("date")) {
            date(v.get("date"), at + "/date", out);
        } else if (names.size() == 1 && names.contains("month")) {
            JsonNode m = v.get("month");
            if (!m.isString() || !ISO_MONTH.matcher(m.asString()).matches() || !parses(m.asString(), true)) {
                out.add(PlanViolation.of(at + "/month", "date-format", m.isString() ? m.asString() : m.toString()));
            }
        } else if (names.size() == 1 && names.contains("year")) {
            JsonNode y = v.get("year");
            if (!y.isIntegralNumber() || !y.canConvertToInt() || y.intValue() < 1 || y.intValue() > 9999) {
                out.add(PlanViolation.of(at + "/year", "type", "integer"));
            }
        } else if (names.size() == 1 && names.contains("ref")) {
            if (!v.get("ref").isString() || !"issued".equals(v.get("ref").asString())) {
                out.add(PlanViolation.of(at + "/ref", "unknown-value", v.get("ref").toString()));
            }
        } else if (names.contains("event") && RELATIVE.containsAll(names) && names.contains("edge")
                && names.contains("relation")) {
            JsonNode event = v.get("event");
            if (!event.isString() || event.asString().isBlank()) {
                out.add(PlanViolation.of(at + "/event", "type", "string"));
            }
            JsonNode edge = v.get("edge");
            known(edge, at + "/edge", out, TimeRef.Edge.fromJson(edge.isString() ? edge.asString() : null) != null);
            JsonNode relation = v.get("relation");
            known(relation, at + "/relation", out,
                    TimeRef.Relation.fromJson(relation.isString() ? relation.asString() : null) != null);
            JsonNode offset = v.get("offsetDays");
            if (offset != null && !offset.isNull() && (!offset.isIntegralNumber() || !offset.canConvertToInt())) {
                out.add(PlanViolation.of(at + "/offsetDays", "type", "integer"));
            }
        } else {
            out.add(PlanViolation.of(at, "timeref-shape", String.join(", ", names)));
        }
    }

    /** A member name as a JSON pointer token (RFC 6901). */
    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
