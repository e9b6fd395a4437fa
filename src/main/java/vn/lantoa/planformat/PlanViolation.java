package vn.lantoa.planformat;

/**
 * One way a plan breaks the format or contradicts itself.
 *
 * @param pointer where, as a JSON pointer ({@code /phases/2/end})
 * @param code    a stable code: {@code syntax}, {@code type}, {@code required}, {@code unknown-field},
 *                {@code unknown-value}, {@code date-format}, {@code timeref-shape}, {@code format}, {@code depth},
 *                {@code unknown-event}, {@code event-ends-before-start}, and the warning codes
 *                {@code phase-ends-before-start}, {@code due-before-issue-date}, {@code issued-before-basis}
 * @param message Vietnamese, for a person
 */
public record PlanViolation(String pointer, String code, String message) {

    static PlanViolation of(String pointer, String code, Object... args) {
        return new PlanViolation(pointer, code, Messages.get("planformat.violation." + code, args));
    }
}
