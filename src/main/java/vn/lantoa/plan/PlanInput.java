package vn.lantoa.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.lantoa.planformat.Plan;
import vn.lantoa.planformat.PlanJson;
import vn.lantoa.planformat.PlanValidation;
import vn.lantoa.planformat.PlanViolation;
import vn.lantoa.shared.Problem;

/**
 * What a client sends to create or save a plan: a {@code lantoa.plan/1} document, with two optional members of the
 * API beside the format's own: {@code classification} ({@code PUBLIC} or {@code INTERNAL}) and {@code version} (the
 * version a save replaces, instead of an {@code If-Match} header). Any other member that is not the format's —
 * {@code id}, {@code status}, {@code issuerUnitId}, {@code createdBy} — is refused, as is a plan of the wrong
 * shape or that contradicts itself (a phase ending before it starts, a deadline before the issue date): 400
 * {@code VALIDATION} with a JSON pointer to each fault ({@link PlanValidation}).
 *
 * @param classification null when the body does not say
 * @param version        null when the body does not say
 */
public record PlanInput(Plan plan, Classification classification, Long version) {

    /** Above this a body is refused: the largest real plans are a few hundred kilobytes. */
    public static final int MAX_CHARS = 2_000_000;

    private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .build();

    /**
     * Reads a body.
     *
     * @throws Problem 400 {@code VALIDATION} (property {@code errors}: pointer, code, detail) or 413
     *                 {@code PLAN_TOO_LARGE}
     */
    public static PlanInput parse(String body) {
        if (body != null && body.length() > MAX_CHARS) {
            throw new Problem(413, "PLAN_TOO_LARGE", "Kế hoạch quá lớn (tối đa {0} ký tự).", MAX_CHARS);
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(body == null ? "" : body);
        } catch (JacksonException e) {
            throw invalid(List.of(new PlanViolation("", "syntax", PlanMessages.get("plan.violation.syntax"))));
        }
        if (root == null || !root.isObject()) {
            throw invalid(List.of(new PlanViolation("", "type", PlanMessages.get("plan.violation.object"))));
        }
        ObjectNode document = ((ObjectNode) root).deepCopy();
        List<PlanViolation> violations = new ArrayList<>();
        Classification classification = null;
        JsonNode c = document.remove("classification");
        if (c != null && !c.isNull()) {
            classification = Classification.fromName(c.isString() ? c.asString() : null).orElse(null);
            if (classification == null) {
                violations.add(new PlanViolation("/classification", "unknown-value",
                        PlanMessages.get("plan.violation.classification", c.isString() ? c.asString() : c.toString())));
            }
        }
        Long version = null;
        JsonNode v = document.remove("version");
        if (v != null && !v.isNull()) {
            if (v.isIntegralNumber() && v.canConvertToLong() && v.longValue() >= 0) {
                version = v.longValue();
            } else {
                violations.add(new PlanViolation("/version", "type", PlanMessages.get("plan.violation.version")));
            }
        }
        String text = MAPPER.writeValueAsString(document);
        violations.addAll(PlanValidation.validate(text));
        if (!violations.isEmpty()) {
            throw invalid(violations);
        }
        return new PlanInput(PlanJson.read(text), classification, version);
    }

    static Problem invalid(List<PlanViolation> violations) {
        List<Map<String, Object>> errors = violations.stream().map(PlanInput::error).toList();
        return new Problem(400, "VALIDATION", "Kế hoạch không hợp lệ: {0} chỗ cần sửa.",
                Map.of("errors", errors), errors.size());
    }

    private static Map<String, Object> error(PlanViolation v) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("pointer", v.pointer());
        error.put("code", v.code());
        error.put("detail", v.message());
        return error;
    }
}
