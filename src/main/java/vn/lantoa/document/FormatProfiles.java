package vn.lantoa.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.lantoa.planformat.DocumentSystem;

/**
 * The bundled format profiles ({@code resources/document/profiles/}, listed in {@code index.txt}), read and validated
 * once: every rule the renderer needs is present, cites its clause, and lies in its own range; the periods of one
 * system do not overlap. A broken profile stops the application at start ({@link #bundled()} throws).
 */
public final class FormatProfiles {

    static final String DIR = "document/profiles/";

    /** The rules every profile must carry, numeric ones marked with their kind. */
    static final Set<String> REQUIRED = Set.of("page.widthMm", "page.heightMm", "page.orientation", "margin.topMm",
            "margin.bottomMm", "margin.leftMm", "margin.rightMm", "font.family", "header.leftColumnPercent",
            "header.superior.size", "header.superior.bold", "header.issuer.size", "header.issuer.bold",
            "header.issuer.mark", "header.issuer.ruleFraction", "header.nation.text", "header.nation.size",
            "header.nation.ruleFraction", "header.motto.text", "header.motto.size", "header.motto.ruleFraction",
            "number.prefix", "number.size", "number.padBelowTen", "number.symbolPattern", "date.size", "date.italic",
            "date.padDayBelowTen", "date.padMonths", "kind.size", "title.size", "title.ruleFraction", "body.size",
            "body.firstIndentMm", "body.spaceAfterPt", "body.lineSpacingPt", "body.end", "signer.size",
            "signer.nameGapLines", "signature.leftColumnPercent", "signer.authorityForms", "recipients.label", "recipients.labelSize", "recipients.labelStyle",
            "recipients.size", "recipients.separator", "recipients.archive", "pageNumber.fromPage",
            "pageNumber.size", "pageNumber.position");

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static volatile FormatProfiles bundled;

    private final List<FormatProfile> profiles;

    FormatProfiles(List<FormatProfile> profiles) {
        List<String> problems = new ArrayList<>();
        for (FormatProfile p : profiles) {
            problems.addAll(check(p));
        }
        problems.addAll(overlaps(profiles));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("invalid format profiles: " + String.join("; ", problems));
        }
        this.profiles = profiles.stream().sorted(Comparator.comparing(FormatProfile::validFrom)).toList();
    }

    /** The profiles bundled with the application, read once. */
    public static FormatProfiles bundled() {
        FormatProfiles p = bundled;
        if (p == null) {
            synchronized (FormatProfiles.class) {
                p = bundled;
                if (p == null) {
                    p = load(FormatProfiles.class.getClassLoader());
                    bundled = p;
                }
            }
        }
        return p;
    }

    static FormatProfiles load(ClassLoader loader) {
        List<FormatProfile> list = new ArrayList<>();
        for (String line : resource(loader, DIR + "index.txt").split("\\R")) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                list.add(parse(name, resource(loader, DIR + name)));
            }
        }
        return new FormatProfiles(list);
    }

    public List<FormatProfile> all() {
        return profiles;
    }

    /**
     * The profile of a system valid on a day. A document dated before the first profile of its system is rendered by
     * that first one (the oldest form known here); one without a date by the profile valid {@code today}.
     */
    public FormatProfile forDate(DocumentSystem system, LocalDate day) {
        DocumentSystem s = system == null ? DocumentSystem.STATE : system;
        FormatProfile first = null;
        for (FormatProfile p : profiles) {
            if (p.system() != s) {
                continue;
            }
            if (first == null) {
                first = p;
            }
            if (day != null && p.validOn(day)) {
                return p;
            }
        }
        if (first == null) {
            throw new IllegalStateException("no format profile for " + s);
        }
        if (day == null) {
            return forDate(s, LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")));
        }
        if (day.isBefore(first.validFrom())) {
            return first;
        }
        // after the last one ended (should not happen while one is in force): the latest
        FormatProfile last = first;
        for (FormatProfile p : profiles) {
            if (p.system() == s) {
                last = p;
            }
        }
        return last;
    }

    public FormatProfile byId(String id) {
        return profiles.stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no format profile " + id));
    }

    // ---- reading

    static FormatProfile parse(String name, String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalStateException("format profile " + name + " is not JSON: " + e.getOriginalMessage(), e);
        }
        try {
            DocumentSystem system = DocumentSystem.fromJson(text(root, "system"));
            if (system == null) {
                throw new IllegalStateException("format profile " + name + ": system must be party or state");
            }
            Map<String, String> sources = new LinkedHashMap<>();
            JsonNode src = root.get("sources");
            if (src != null) {
                src.properties().forEach(e -> sources.put(e.getKey(), e.getValue().asString()));
            }
            List<String> notes = new ArrayList<>();
            JsonNode n = root.get("notes");
            if (n != null) {
                n.values().forEach(x -> notes.add(x.asString()));
            }
            Map<String, FormatProfile.Rule> rules = new LinkedHashMap<>();
            JsonNode r = root.get("rules");
            if (r == null || !r.isObject()) {
                throw new IllegalStateException("format profile " + name + " has no rules");
            }
            r.properties().forEach(e -> rules.put(e.getKey(), rule(e.getValue())));
            String to = text(root, "validTo");
            return new FormatProfile(text(root, "id"), system, text(root, "name"), LocalDate.parse(text(root, "validFrom")),
                    to == null ? null : LocalDate.parse(to), sources, notes, rules);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalStateException("format profile " + name + ": " + e.getMessage(), e);
        }
    }

    private static FormatProfile.Rule rule(JsonNode node) {
        JsonNode v = node.get("value");
        Object value = v == null || v.isNull() ? null
                : v.isNumber() ? (Object) v.doubleValue() : v.isBoolean() ? (Object) v.booleanValue() : v.asString();
        return new FormatProfile.Rule(value, number(node, "min"), number(node, "max"), text(node, "source"),
                text(node, "note"));
    }

    private static Double number(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.doubleValue();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static String resource(ClassLoader loader, String path) {
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- validation

    static List<String> check(FormatProfile p) {
        List<String> problems = new ArrayList<>();
        String id = p.id() == null ? "(no id)" : p.id();
        if (p.id() == null || p.name() == null) {
            problems.add(id + ": id and name are required");
        }
        if (p.validTo() != null && p.validTo().isBefore(p.validFrom())) {
            problems.add(id + ": validTo before validFrom");
        }
        for (String key : REQUIRED) {
            FormatProfile.Rule rule = p.rules().get(key);
            if (rule == null) {
                problems.add(id + ": missing rule " + key);
                continue;
            }
            if (rule.source() == null || rule.source().isBlank()) {
                problems.add(id + ": rule " + key + " cites no source");
            }
            if (rule.value() instanceof Double d && !rule.allows(d)) {
                problems.add(id + ": rule " + key + " = " + d + " outside its own range " + rule.min() + "–" + rule.max());
            }
            boolean numeric = key.endsWith("Mm") || key.endsWith("Pt") || key.endsWith(".size") || key.endsWith("Size")
                    || key.endsWith("Fraction") || key.endsWith("Percent") || key.endsWith("Lines")
                    || key.equals("pageNumber.fromPage");
            if (numeric && !(rule.value() instanceof Double)) {
                problems.add(id + ": rule " + key + " must be a number");
            }
        }
        return problems;
    }

    private static List<String> overlaps(List<FormatProfile> profiles) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < profiles.size(); i++) {
            for (int j = i + 1; j < profiles.size(); j++) {
                FormatProfile a = profiles.get(i);
                FormatProfile b = profiles.get(j);
                if (a.system() == b.system() && overlap(a, b)) {
                    problems.add(a.id() + " and " + b.id() + " are both valid on some day");
                }
            }
        }
        return problems;
    }

    private static boolean overlap(FormatProfile a, FormatProfile b) {
        LocalDate aEnd = a.validTo() == null ? LocalDate.MAX : a.validTo();
        LocalDate bEnd = b.validTo() == null ? LocalDate.MAX : b.validTo();
        return !a.validFrom().isAfter(bEnd) && !b.validFrom().isAfter(aEnd);
    }
}
