package vn.lantoa.plan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.lantoa.plan.PlanFixture.as;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import vn.lantoa.account.CurrentUser;
import vn.lantoa.account.Role;
import vn.lantoa.importing.DocumentReader;
import vn.lantoa.importing.ImportLimits;
import vn.lantoa.importing.PlanParser;
import vn.lantoa.organization.UnitManagement;
import vn.lantoa.plan.PlanFixture;
import vn.lantoa.planformat.Plan;
import vn.lantoa.planformat.PlanJson;

/**
 * Nothing of a plan is lost on the way through the API: each seed document is imported, posted, read back, and the
 * plan read back is graded by the project's grader ({@code shared/tools/plan-score}) against the plan posted, as
 * the expectation: 100%. And the two are equal as JSON trees, which is stricter still.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SeedRoundTripTest {

    private static final Pattern SCORE = Pattern.compile("score: ([0-9.]+)%");

    @Autowired
    MockMvc mvc;

    @Autowired
    UnitManagement units;

    final JsonMapper mapper = JsonMapper.builder().build();

    @ParameterizedTest
    @ValueSource(strings = { "000_c09283dee7dc6ffb", "001_a29ead2a4e8d016a", "002_18cca47a10fba1ef",
        "004_79db2fe38eae3819" })
    void aPostedSeedPlanComesBackWhole(String seed) throws Exception {
        Path file = seeds().resolve(seed + ".txt");
        Plan imported = PlanParser.parse(new DocumentReader(ImportLimits.DEFAULT).read(file, seed + ".txt"));
        String posted = PlanJson.write(imported);
        assertThat(imported.assignments()).as("the seed has content to lose").isNotEmpty();

        CurrentUser officer = PlanFixture.user(new PlanFixture(units).own, Role.OFFICER);
        String created = mvc.perform(post("/api/v1/plans").with(as(officer)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(posted))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = mapper.readTree(created).get("id").longValue();
        String got = mvc.perform(get("/api/v1/plans/" + id).with(as(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        JsonNode back = mapper.readTree(got).get("plan");

        Path dir = Files.createDirectories(Path.of("target", "plan-roundtrip"));
        Path expected = dir.resolve(seed + ".posted.json");
        Path actual = dir.resolve(seed + ".read.json");
        Files.writeString(expected, mapper.writeValueAsString(expectation(mapper.readTree(posted))),
                StandardCharsets.UTF_8);
        Files.writeString(actual, mapper.writeValueAsString(back), StandardCharsets.UTF_8);
        String report = grade(expected, actual);
        Matcher m = SCORE.matcher(report);
        assertThat(m.find()).as("grader output:%n%s", report).isTrue();
        assertThat(Double.parseDouble(m.group(1))).as(report).isEqualTo(100.0);
        assertThat(back).isEqualTo(mapper.readTree(posted));
    }

    /**
     * The grader's expectation holding everything of a plan it can grade: the header, references, phase times,
     * channel kinds, themes, slogans, assignments with roles and deadlines, reporting deadlines, recipients and
     * warning codes.
     */
    static ObjectNode expectation(JsonNode plan) {
        ObjectNode exp = JsonNodeFactory.instance.objectNode();
        ObjectNode document = ((ObjectNode) plan.get("document")).deepCopy();
        JsonNode signer = document.get("signer");
        if (signer != null && !signer.isNull()) {
            document.set("signer", JsonNodeFactory.instance.objectNode().set("name", signer.get("name")));
        }
        exp.set("document", document);
        for (String refs : new String[] { "bases", "citations" }) {
            ArrayNode list = exp.putArray(refs);
            plan.get(refs).values().stream().filter(r -> r.hasNonNull("symbol")).forEach(list::add);
        }
        exp.set("phases", phases(plan.get("phases")));
        ArrayNode kinds = exp.putArray("channelKinds");
        plan.get("channels").values().stream().map(c -> c.get("kind")).distinct().forEach(kinds::add);
        for (String strings : new String[] { "themes", "slogans", "recipients" }) {
            exp.set(strings, plan.get(strings));
        }
        ArrayNode assignments = exp.putArray("assignments");
        for (JsonNode a : plan.get("assignments").values()) {
            ObjectNode e = assignments.addObject();
            e.set("unit", a.get("unit"));
            e.set("role", a.get("role"));
            ArrayNode dues = e.putArray("dues");
            a.get("tasks").values().stream().map(t -> t.get("due")).filter(d -> d != null && !d.isNull())
                    .forEach(dues::add);
        }
        ArrayNode reportingDues = exp.putArray("reportingDues");
        plan.get("reporting").values().forEach(r -> r.get("due").values().forEach(reportingDues::add));
        ArrayNode warnings = exp.putArray("warnings");
        plan.get("warnings").values().forEach(w -> warnings.add(w.get("code")));
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

    static Path seeds() {
        for (Path candidate : List.of(Path.of("../shared/seeds"), Path.of("../../shared/seeds"),
                Path.of("/work/shared/seeds"))) {
            if (Files.isDirectory(candidate)) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("shared/seeds not found beside the repository");
    }

    static String grade(Path expected, Path actual) throws Exception {
        Path grader = seeds().resolveSibling("tools").resolve("plan-score");
        Process p = new ProcessBuilder(List.of("python3", grader.toString(), expected.toAbsolutePath().toString(),
                actual.toAbsolutePath().toString(), "--verbose")).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        return output;
    }
}
