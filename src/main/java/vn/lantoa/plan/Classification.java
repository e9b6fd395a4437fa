package vn.lantoa.plan;

import java.util.Optional;

/**
 * Độ mật của nội dung — only two levels, since Lan Tỏa holds no state secrets and refuses anything marked MẬT
 * (RELIABILITY.md B-SEC): {@code PUBLIC} and {@code INTERNAL} (the default: need-to-know).
 */
public enum Classification {
    /** Công khai trong hệ thống. */
    PUBLIC,
    /** Nội bộ (the default). */
    INTERNAL;

    /** The value of exactly this name, or empty (a "MAT", "SECRET" or lower-case value is not one). */
    public static Optional<Classification> fromName(String name) {
        for (Classification c : values()) {
            if (c.name().equals(name)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
