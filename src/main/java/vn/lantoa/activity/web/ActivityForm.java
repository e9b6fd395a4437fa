package vn.lantoa.activity.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.lantoa.activity.NewActivity;
import vn.lantoa.shared.Problem;

/**
 * Reads an activity from form fields (the multipart API and the page share them): {@code planId}, {@code title},
 * {@code channel}, {@code startsOn}, {@code endsOn} (dd/MM/yyyy or yyyy-MM-dd), {@code phase}, {@code task},
 * {@code place}, {@code description}, {@code notable}, {@code output.<code>} (a quantity per indicator) and
 * {@code link} (repeatable).
 */
final class ActivityForm {

    private static final DateTimeFormatter VN = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    private ActivityForm() {
    }

    static NewActivity read(Map<String, String[]> fields) {
        Map<String, String> errors = new LinkedHashMap<>();
        Long planId = number(one(fields, "planId"), "planId", errors);
        LocalDate starts = date(one(fields, "startsOn"), "startsOn", errors);
        LocalDate ends = date(one(fields, "endsOn"), "endsOn", errors);
        Map<String, Long> outputs = new LinkedHashMap<>();
        fields.forEach((name, values) -> {
            if (name.startsWith("output.") && values.length > 0 && values[0] != null && !values[0].isBlank()) {
                Long q = number(values[0], name, errors);
                if (q != null) {
                    outputs.put(name.substring("output.".length()), q);
                }
            }
        });
        List<String> links = new ArrayList<>();
        for (String link : fields.getOrDefault("link", new String[0])) {
            if (link != null && !link.isBlank()) {
                links.add(link);
            }
        }
        if (!errors.isEmpty()) {
            throw new Problem(400, "ACTIVITY_INVALID", "Hoạt động chưa hợp lệ: {0}", Map.of("errors", errors),
                    String.join(" ", errors.values()));
        }
        String notable = one(fields, "notable");
        return new NewActivity(planId, one(fields, "title"), one(fields, "channel"), starts, ends, one(fields, "phase"),
                one(fields, "task"), one(fields, "place"), one(fields, "description"),
                notable != null && (notable.equals("true") || notable.equals("on")), outputs, links);
    }

    static String one(Map<String, String[]> fields, String name) {
        String[] values = fields.get(name);
        return values == null || values.length == 0 || values[0] == null || values[0].isBlank() ? null
                : values[0].strip();
    }

    /** dd/MM/yyyy (what people type) or yyyy-MM-dd (a date input, the API); null when blank. */
    static LocalDate date(String text, String field, Map<String, String> errors) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text, text.contains("/") ? VN : ISO);
        } catch (DateTimeParseException e) {
            errors.put(field, "Ngày \"" + (text.length() > 20 ? text.substring(0, 20) : text)
                    + "\" không hợp lệ (dd/MM/yyyy).");
            return null;
        }
    }

    private static Long number(String text, String field, Map<String, String> errors) {
        if (text == null) {
            return null;
        }
        try {
            return Long.parseLong(text.replace(".", "").strip());
        } catch (NumberFormatException e) {
            errors.put(field, "\"" + (text.length() > 20 ? text.substring(0, 20) : text) + "\" không phải số nguyên.");
            return null;
        }
    }
}
