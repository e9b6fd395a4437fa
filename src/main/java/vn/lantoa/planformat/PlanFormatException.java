package vn.lantoa.planformat;

import java.util.List;

/** A text that is not a {@code lantoa.plan/1} plan: not JSON, or members of the wrong type or value. */
public class PlanFormatException extends RuntimeException {

    private final transient List<PlanViolation> violations;

    public PlanFormatException(List<PlanViolation> violations) {
        super(summary(violations));
        this.violations = List.copyOf(violations);
    }

    /** What is wrong, each with its JSON pointer. */
    public List<PlanViolation> violations() {
        return violations;
    }

    private static String summary(List<PlanViolation> violations) {
        StringBuilder text = new StringBuilder();
        int shown = 0;
        for (PlanViolation v : violations) {
            if (shown++ == 5) {
                text.append("; …");
                break;
            }
            if (text.length() > 0) {
                text.append("; ");
            }
            text.append(v.pointer().isEmpty() ? "/" : v.pointer()).append(": ").append(v.message());
        }
        return text.toString();
    }
}
