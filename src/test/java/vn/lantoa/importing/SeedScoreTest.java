package vn.lantoa.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import vn.lantoa.planformat.Plan;
import vn.lantoa.planformat.PlanJson;
import vn.lantoa.planformat.PlanValidation;

/**
 * Every seed plan, in each of its three forms, imported and graded by the project's grader ({@code shared/tools/
 * plan-score}) against its expected answer: at least 95%. A fourth form, "lines", gives the parser the TXT one block
 * per line with nothing re-joined, the hardest layout a reader can hand it. The JSON goes to {@code target/seeds/} for a
 * person to read.
 */
class SeedScoreTest {

    private static final Pattern SCORE = Pattern.compile("score: ([0-9.]+)%");
    private final DocumentReader reader = new DocumentReader(ImportLimits.DEFAULT);

    static Stream<Arguments> seeds() {
        return Seeds.NAMES.stream().flatMap(n -> Stream.concat(Seeds.FORMS.stream(), Stream.of("lines"))
                .map(f -> Arguments.of(n, f)));
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("seeds")
    void scoresAtLeast95Percent(String name, String form) throws Exception {
        Path file = Seeds.file(name, form.equals("lines") ? "txt" : form);
        DocumentText text = form.equals("lines") ? PlanTexts.lineByLine(Files.readString(file))
                : reader.read(file, file.getFileName().toString());
        Plan plan = PlanParser.parse(text);
        String json = PlanJson.write(plan);
        assertThat(PlanValidation.validate(json)).as("the plan is valid lantoa.plan/1").isEmpty();
        Path out = Path.of("target", "seeds", name + "." + form + ".json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, json, StandardCharsets.UTF_8);
        String report = grade(Seeds.dir().resolve("expected").resolve(name + ".json"), out);
        Matcher m = SCORE.matcher(report);
        assertThat(m.find()).as("grader output:%n%s", report).isTrue();
        assertThat(Double.parseDouble(m.group(1))).as("%s.%s%n%s", name, form, report).isGreaterThanOrEqualTo(95.0);
    }

    /** Runs the grader and returns what it printed. */
    static String grade(Path expected, Path actual) throws IOException, InterruptedException {
        Path grader = Seeds.dir().resolveSibling("tools").resolve("plan-score");
        Process p = new ProcessBuilder(List.of("python3", grader.toString(), expected.toString(),
                actual.toAbsolutePath().toString(), "--verbose")).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        return output;
    }
}
