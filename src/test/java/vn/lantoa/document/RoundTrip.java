package vn.lantoa.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import vn.lantoa.importing.DocumentReader;
import vn.lantoa.importing.ImportLimits;
import vn.lantoa.importing.PlanImporter;
import vn.lantoa.importing.PlanParser;
import vn.lantoa.planformat.Plan;
import vn.lantoa.planformat.PlanJson;

/** Seeds, the importer facade and the grader, for the round-trip tests. */
final class RoundTrip {

    static final Pattern SCORE = Pattern.compile("score: ([0-9.]+)%");
    static final List<String> SEEDS = List.of("000_c09283dee7dc6ffb", "001_a29ead2a4e8d016a", "002_18cca47a10fba1ef",
            "004_79db2fe38eae3819");
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private RoundTrip() {
    }

    static Path seeds() {
        for (Path candidate : List.of(Path.of("../shared/seeds"), Path.of("../../shared/seeds"),
                Path.of("/work/shared/seeds"))) {
            if (Files.isDirectory(candidate)) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("shared/seeds not found beside the repository");
    }

    /** A seed's plan: its text imported (the full model the seed's expected file grades a part of). */
    static Plan seedPlan(String seed) {
        Path file = seeds().resolve(seed + ".txt");
        try {
            return PlanParser.parse(new DocumentReader(ImportLimits.DEFAULT).read(file, seed + ".txt"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The rendered bytes imported back through the importer's facade. */
    static Plan importBack(byte[] bytes, String name) throws IOException {
        Path file = Files.createTempFile("lantoa-render-", "-" + name);
        try (PlanImporter importer = new PlanImporter(ImportLimits.DEFAULT, PlanParser::parse)) {
            Files.write(file, bytes);
            return importer.importFile(file, name);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The grader's score of a plan against an expectation; the report written under target/render/. */
    static double score(JsonNode expectation, Plan actual, String name) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "render"));
        Path exp = dir.resolve(name + ".expected.json");
        Path act = dir.resolve(name + ".actual.json");
        Files.writeString(exp, MAPPER.writeValueAsString(expectation), StandardCharsets.UTF_8);
        Files.writeString(act, PlanJson.write(actual), StandardCharsets.UTF_8);
        Path grader = seeds().resolveSibling("tools").resolve("plan-score");
        Process p = new ProcessBuilder(List.of("python3", grader.toString(), exp.toString(), act.toString(),
                "--verbose")).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Files.writeString(dir.resolve(name + ".score.txt"), output, StandardCharsets.UTF_8);
        Matcher m = SCORE.matcher(output);
        assertThat(m.find()).as(output).isTrue();
        lastReport = output;
        return Double.parseDouble(m.group(1));
    }

    static String lastReport = "";

    static JsonNode expectedFile(String seed) {
        try {
            return MAPPER.readTree(Files.readString(seeds().resolve("expected").resolve(seed + ".json")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The grader's expectation of everything the renderer writes: the header (signer by name), bases, phase times,
     * channel kinds, themes, slogans, assignments with roles and deadlines, reporting deadlines and recipients.
     * Warnings are not rendered, and citations live inside texts the renderer copies: neither is graded.
     */
    static ObjectNode expectation(Plan plan) {
        JsonNode tree = PlanJson.toTree(plan);
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode exp = f.objectNode();
        ObjectNode document = ((ObjectNode) tree.get("document")).deepCopy();
        JsonNode signer = document.get("signer");
        if (signer != null && !signer.isNull()) {
            document.set("signer", f.objectNode().set("name", signer.get("name")));
        }
        // ND30: a State number below 10 is printed with a leading zero, and read back as printed
        JsonNode number = document.get("number");
        if ("state".equals(document.path("system").asString(null)) && number != null && number.isString()
                && number.asString().matches("\\d")) {
            String padded = "0" + number.asString();
            document.put("symbol", padded + document.get("symbol").asString().substring(1));
            document.put("number", padded);
        }
        exp.set("document", document);
        ArrayNode bases = exp.putArray("bases");
        tree.get("bases").values().stream().filter(r -> r.hasNonNull("symbol")).forEach(bases::add);
        exp.set("phases", phases(tree.get("phases")));
        ArrayNode kinds = exp.putArray("channelKinds");
        tree.get("channels").values().stream().map(c -> c.get("kind")).distinct().forEach(kinds::add);
        for (String strings : new String[] {"themes", "slogans", "recipients"}) {
            exp.set(strings, tree.get(strings));
        }
        ArrayNode assignments = exp.putArray("assignments");
        for (JsonNode a : tree.get("assignments").values()) {
            ObjectNode e = assignments.addObject();
            e.set("unit", a.get("unit"));
            e.set("role", a.get("role"));
            ArrayNode dues = e.putArray("dues");
            a.get("tasks").values().stream().map(t -> t.get("due")).filter(d -> d != null && !d.isNull())
                    .forEach(dues::add);
        }
        ArrayNode reportingDues = exp.putArray("reportingDues");
        tree.get("reporting").values().forEach(r -> r.get("due").values().forEach(reportingDues::add));
        return exp;
    }

    private static ArrayNode phases(JsonNode phases) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (JsonNode p : phases.values()) {
            ObjectNode e = out.addObject();
            e.set("start", p.get("start"));
            e.set("end", p.get("end"));
            e.set("phases", phases(p.get("phases")));
        }
        return out;
    }
}
