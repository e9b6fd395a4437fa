package vn.lantoa.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import vn.lantoa.planformat.Plan;

/**
 * What Lan Tỏa renders, Lan Tỏa imports back: each seed's plan and each test plan rendered to DOCX and to PDF,
 * imported with the importer's facade, and graded by {@code shared/tools/plan-score} against the source: 100% on
 * every field the renderer writes.
 */
class RoundTripTest {

    private final DocumentRenderer documents = DocumentRenderer.bundled();

    /**
     * Where the importer misreads a rendering that follows the form (reported to the importer's owner): the case is
     * held to 95% and the reason printed, every other case to 100%. Remove an entry when the importer is fixed.
     */
    /** Documents the importer is known to read wrongly (held to 95% with the reason printed); none at present. */
    static final Map<String, String> IMPORTER_ISSUES = Map.of();

    static Stream<Arguments> plans() {
        Stream<String> names = Stream.concat(RoundTrip.SEEDS.stream(), TestPlans.NAMES.stream());
        return names.flatMap(n -> Stream.of(DocumentFormat.DOCX, DocumentFormat.PDF).map(f -> Arguments.of(n, f)));
    }

    /**
     * Against the seeds' own expected answers ({@code shared/seeds/expected}), restricted to what the renderer writes:
     * warnings are not rendered, and citations live in sentences of the source that the plan model does not keep (the
     * renderer writes the bases, and the parts' texts as they are). The seed's text scores 100% there, and so must its
     * rendering, imported back.
     */
    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("seedForms")
    void aRenderedSeedScoresAtLeastAsWellAsItsText(String seed, DocumentFormat format) throws Exception {
        tools.jackson.databind.node.ObjectNode expected = (tools.jackson.databind.node.ObjectNode) RoundTrip
                .expectedFile(seed).deepCopy();
        expected.remove(List.of("warnings", "citations", "optionalCitations"));
        Plan source = RoundTrip.seedPlan(seed);
        double text = RoundTrip.score(expected, source, seed + ".txt.vs-expected");
        byte[] bytes = documents.render(source, format);
        Plan back = RoundTrip.importBack(bytes, seed + "." + format.extension());
        double rendered = RoundTrip.score(expected, back, seed + "." + format.extension() + ".vs-expected");
        System.out.printf("seed %s: text %.1f%%, rendered %s %.1f%%%n", seed, text, format.extension(), rendered);
        assertThat(text).as("the seed's text against its expected answer").isEqualTo(100.0);
        assertThat(rendered).as("%s.%s%n%s", seed, format.extension(), RoundTrip.lastReport).isEqualTo(100.0);
    }

    static Stream<Arguments> seedForms() {
        return RoundTrip.SEEDS.stream().flatMap(n -> Stream.of(DocumentFormat.DOCX, DocumentFormat.PDF)
                .map(f -> Arguments.of(n, f)));
    }

    static Plan plan(String name) {
        return RoundTrip.SEEDS.contains(name) ? RoundTrip.seedPlan(name) : TestPlans.plan(name);
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("plans")
    void aRenderedPlanImportsBackWhole(String name, DocumentFormat format) throws Exception {
        Plan source = plan(name);
        byte[] bytes = documents.render(source, format);
        Path out = Files.createDirectories(Path.of("target", "render")).resolve(name + "." + format.extension());
        Files.write(out, bytes);
        Plan back = RoundTrip.importBack(bytes, name + "." + format.extension());
        double score = RoundTrip.score(RoundTrip.expectation(source), back, name + "." + format.extension());
        String issue = IMPORTER_ISSUES.get(name + "." + format.extension());
        if (issue != null) {
            System.out.println("known importer issue, held to 95%: " + name + "." + format.extension() + ": " + issue);
            assertThat(score).as("%s.%s%n%s", name, format.extension(), RoundTrip.lastReport).isGreaterThanOrEqualTo(95.0);
            return;
        }
        assertThat(score).as("%s.%s%n%s", name, format.extension(), RoundTrip.lastReport).isEqualTo(100.0);
    }
}
