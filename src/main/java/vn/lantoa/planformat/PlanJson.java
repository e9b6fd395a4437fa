package vn.lantoa.planformat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes and reads a {@link Plan} as {@code lantoa.plan/1} JSON: exactly the member names of the spec, in its order,
 * {@code "format": "lantoa.plan/1"} first, absent values written as null, dates ISO. Written by hand on Jackson's tree
 * model rather than by data binding, so that the format stays what the spec says whatever the records become.
 */
public final class PlanJson {

    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PlanJson() {
    }

    /** The plan as indented JSON text. */
    public static String write(Plan plan) {
        return MAPPER.writeValueAsString(toTree(plan));
    }

    /** The plan as a JSON tree. */
    public static ObjectNode toTree(Plan plan) {
        ObjectNode root = NODES.objectNode();
        root.put("format", Plan.FORMAT);
        root.set("document", document(plan.document()));
        root.set("bases", array(plan.bases(), PlanJson::ref));
        root.set("citations", array(plan.citations(), PlanJson::ref));
        root.set("events", array(plan.events(), PlanJson::event));
        root.set("phases", array(plan.phases(), PlanJson::phase));
        root.set("channels", array(plan.channels(), PlanJson::channel));
        root.set("themes", strings(plan.themes()));
        root.set("slogans", strings(plan.slogans()));
        root.set("assignments", array(plan.assignments(), PlanJson::assignment));
        root.set("reporting", array(plan.reporting(), PlanJson::reporting));
        root.set("recipients", strings(plan.recipients()));
        root.set("warnings", array(plan.warnings(), PlanJson::warning));
        return root;
    }

    /**
     * Reads a plan.
     *
     * @throws PlanFormatException when the text is not JSON or breaks the format (wrong types, unknown values, a time
     *                             of no known shape); each violation carries its JSON pointer. Contradictions within a
     *                             valid plan (a phase that ends before it starts) do not throw: see
     *                             {@link PlanValidation#validate(Plan)}.
     */
    public static Plan read(String json) {
        JsonNode root = parse(json);
        List<PlanViolation> violations = PlanValidation.structure(root);
        if (!violations.isEmpty()) {
            throw new PlanFormatException(violations);
        }
        return fromTree(root);
    }

    static JsonNode parse(String json) {
        if (json == null) {
            throw new PlanFormatException(List.of(PlanViolation.of("", "syntax", "null")));
        }
        try {
            return MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new PlanFormatException(List.of(PlanViolation.of("", "syntax", e.getOriginalMessage())));
        }
    }

    // ---- writing

    private static ObjectNode document(DocumentHeader d) {
        ObjectNode node = NODES.objectNode();
        node.put("kind", d.kind());
        node.put("number", d.number());
        node.put("symbol", d.symbol());
        node.put("system", d.system() == null ? null : d.system().json());
        node.put("issuedOn", date(d.issuedOn()));
        node.put("place", d.place());
        node.put("issuer", d.issuer());
        node.put("title", d.title());
        if (d.signer() == null) {
            node.putNull("signer");
        } else {
            ObjectNode signer = node.putObject("signer");
            signer.put("name", d.signer().name());
            signer.put("position", d.signer().position());
            signer.put("authority", d.signer().authority());
        }
        return node;
    }

    private static ObjectNode ref(DocumentRef r) {
        ObjectNode node = NODES.objectNode();
        node.put("kind", r.kind());
        node.put("symbol", r.symbol());
        node.put("issuedOn", date(r.issuedOn()));
        node.put("issuer", r.issuer());
        return node;
    }

    private static ObjectNode event(Event e) {
        ObjectNode node = NODES.objectNode();
        node.put("name", e.name());
        node.put("start", date(e.start()));
        node.put("end", date(e.end()));
        return node;
    }

    private static ObjectNode phase(Phase p) {
        ObjectNode node = NODES.objectNode();
        node.put("label", p.label());
        node.put("title", p.title());
        node.set("start", timeRef(p.start()));
        node.set("end", timeRef(p.end()));
        node.set("content", strings(p.content()));
        node.set("phases", array(p.phases(), PlanJson::phase));
        return node;
    }

    /** A time as JSON: one of its shapes, or a JSON null. */
    public static JsonNode timeRef(TimeRef t) {
        if (t == null) {
            return NODES.nullNode();
        }
        ObjectNode node = NODES.objectNode();
        if (t instanceof TimeRef.Day d) {
            node.put("date", d.date().toString());
        } else if (t instanceof TimeRef.Month m) {
            node.put("month", m.month().toString());
        } else if (t instanceof TimeRef.Year y) {
            node.put("year", y.year());
        } else if (t instanceof TimeRef.Issued) {
            node.put("ref", "issued");
        } else if (t instanceof TimeRef.Relative r) {
            node.put("event", r.event());
            node.put("edge", r.edge().json());
            node.put("relation", r.relation().json());
            if (r.offsetDays() != null) {
                node.put("offsetDays", r.offsetDays().intValue());
            }
        }
        return node;
    }

    private static ObjectNode channel(Channel c) {
        ObjectNode node = NODES.objectNode();
        node.put("kind", c.kind() == null ? null : c.kind().json());
        node.put("title", c.title());
        node.set("items", strings(c.items()));
        return node;
    }

    private static ObjectNode assignment(Assignment a) {
        ObjectNode node = NODES.objectNode();
        node.put("unit", a.unit());
        node.put("role", a.role() == null ? null : a.role().json());
        node.set("tasks", array(a.tasks(), PlanJson::task));
        return node;
    }

    private static ObjectNode task(Task t) {
        ObjectNode node = NODES.objectNode();
        node.put("text", t.text());
        node.set("due", timeRef(t.due()));
        node.put("kind", t.kind() == null ? null : t.kind().json());
        return node;
    }

    private static ObjectNode reporting(ReportingDuty r) {
        ObjectNode node = NODES.objectNode();
        node.put("from", r.from());
        node.put("to", r.to());
        node.put("via", r.via());
        node.put("frequency", r.frequency() == null ? null : r.frequency().json());
        node.set("due", array(r.due(), PlanJson::timeRef));
        return node;
    }

    private static ObjectNode warning(Warning w) {
        ObjectNode node = NODES.objectNode();
        node.put("code", w.code());
        node.put("message", w.message());
        node.put("where", w.where());
        return node;
    }

    private static <T> ArrayNode array(List<T> items, Function<T, JsonNode> each) {
        ArrayNode array = NODES.arrayNode();
        for (T item : items) {
            array.add(each.apply(item));
        }
        return array;
    }

    private static ArrayNode strings(List<String> items) {
        ArrayNode array = NODES.arrayNode();
        items.forEach(array::add);
        return array;
    }

    private static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    // ---- reading (the tree has been validated: types are right, enum values known)

    static Plan fromTree(JsonNode root) {
        return new Plan(readDocument(root.get("document")),
                list(root.get("bases"), PlanJson::readRef),
                list(root.get("citations"), PlanJson::readRef),
                list(root.get("events"), PlanJson::readEvent),
                list(root.get("phases"), PlanJson::readPhase),
                list(root.get("channels"), PlanJson::readChannel),
                list(root.get("themes"), PlanJson::text),
                list(root.get("slogans"), PlanJson::text),
                list(root.get("assignments"), PlanJson::readAssignment),
                list(root.get("reporting"), PlanJson::readReporting),
                list(root.get("recipients"), PlanJson::text),
                list(root.get("warnings"), PlanJson::readWarning));
    }

    private static DocumentHeader readDocument(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        JsonNode signer = node.get("signer");
        Signer s = signer == null || signer.isNull() ? null
                : new Signer(text(signer.get("name")), text(signer.get("position")), text(signer.get("authority")));
        return new DocumentHeader(text(node.get("kind")), text(node.get("number")), text(node.get("symbol")),
                DocumentSystem.fromJson(text(node.get("system"))), readDate(node.get("issuedOn")),
                text(node.get("place")), text(node.get("issuer")), text(node.get("title")), s);
    }

    private static DocumentRef readRef(JsonNode node) {
        return new DocumentRef(text(node.get("kind")), text(node.get("symbol")), readDate(node.get("issuedOn")),
                text(node.get("issuer")));
    }

    private static Event readEvent(JsonNode node) {
        return new Event(text(node.get("name")), readDate(node.get("start")), readDate(node.get("end")));
    }

    private static Phase readPhase(JsonNode node) {
        return new Phase(text(node.get("label")), text(node.get("title")), readTimeRef(node.get("start")),
                readTimeRef(node.get("end")), list(node.get("content"), PlanJson::text),
                list(node.get("phases"), PlanJson::readPhase));
    }

    static TimeRef readTimeRef(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.has("date")) {
            return TimeRef.day(LocalDate.parse(node.get("date").asString()));
        }
        if (node.has("month")) {
            return TimeRef.month(YearMonth.parse(node.get("month").asString()));
        }
        if (node.has("year")) {
            return TimeRef.year(node.get("year").intValue());
        }
        if (node.has("ref")) {
            return TimeRef.issued();
        }
        JsonNode offset = node.get("offsetDays");
        return new TimeRef.Relative(node.get("event").asString(), TimeRef.Edge.fromJson(node.get("edge").asString()),
                TimeRef.Relation.fromJson(node.get("relation").asString()),
                offset == null || offset.isNull() ? null : offset.intValue());
    }

    private static Channel readChannel(JsonNode node) {
        return new Channel(ChannelKind.fromJson(text(node.get("kind"))), text(node.get("title")),
                list(node.get("items"), PlanJson::text));
    }

    private static Assignment readAssignment(JsonNode node) {
        return new Assignment(text(node.get("unit")), Role.fromJson(text(node.get("role"))),
                list(node.get("tasks"), PlanJson::readTask));
    }

    private static Task readTask(JsonNode node) {
        return new Task(text(node.get("text")), readTimeRef(node.get("due")), TaskKind.fromJson(text(node.get("kind"))));
    }

    private static ReportingDuty readReporting(JsonNode node) {
        return new ReportingDuty(text(node.get("from")), text(node.get("to")), text(node.get("via")),
                Frequency.fromJson(text(node.get("frequency"))), list(node.get("due"), PlanJson::readTimeRef));
    }

    private static Warning readWarning(JsonNode node) {
        return new Warning(text(node.get("code")), text(node.get("message")), text(node.get("where")));
    }

    private static <T> List<T> list(JsonNode node, Function<JsonNode, T> each) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        List<T> out = new ArrayList<>(node.size());
        for (JsonNode item : node.values()) {
            out.add(each.apply(item));
        }
        return out;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }

    private static LocalDate readDate(JsonNode node) {
        return node == null || node.isNull() ? null : LocalDate.parse(node.asString());
    }
}
