package vn.lantoa.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import vn.lantoa.planformat.Plan;
import vn.lantoa.planformat.PlanJson;

/** The module's own test plans (src/test/resources/vn/lantoa/document/plans), one State and one Party. */
final class TestPlans {

    static final List<String> NAMES = List.of("state-commune", "party-district");

    private TestPlans() {
    }

    static Plan plan(String name) {
        return PlanJson.read(json(name));
    }

    /** A test plan's JSON text, for variants made by replacing a value. */
    static String json(String name) {
        try (InputStream in = TestPlans.class.getResourceAsStream("plans/" + name + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
