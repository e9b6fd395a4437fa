package vn.lantoa.plan;

/**
 * One thing a check found (phát hiện khi kiểm tra), in Vietnamese for the official.
 *
 * @param code     a stable code: the importer's warning codes ({@code inconsistent-citation-date} …) and the
 *                 checks' own ({@code missing-signer}, {@code due-non-working-day} …)
 * @param severity BLOCKING stops the issue; WARNING is shown and may be left as it is
 * @param pointer  where: a JSON pointer into the plan ({@code /assignments/2/tasks/0/due}), "" for the whole plan
 * @param label    where, as a person says it ("Tổ chức thực hiện › Ủy ban nhân dân thành phố › nhiệm vụ 1")
 * @param message  what is wrong
 * @param fix      how to fix it
 */
public record PlanFinding(String code, Severity severity, String pointer, String label, String message, String fix) {

    /** Mức độ. */
    public enum Severity {
        /** Chặn ban hành. */
        BLOCKING,
        /** Cảnh báo. */
        WARNING
    }

    public static PlanFinding blocking(String code, String pointer, String label, String message, String fix) {
        return new PlanFinding(code, Severity.BLOCKING, pointer, label, message, fix);
    }

    public static PlanFinding warning(String code, String pointer, String label, String message, String fix) {
        return new PlanFinding(code, Severity.WARNING, pointer, label, message, fix);
    }

    public boolean blocking() {
        return severity == Severity.BLOCKING;
    }

    /** As JSON members: code, severity, pointer, where, detail, fix. */
    public java.util.Map<String, Object> members() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("code", code);
        m.put("severity", severity.name());
        m.put("pointer", pointer);
        m.put("where", label);
        m.put("detail", message);
        m.put("fix", fix);
        return m;
    }
}
