package vn.lantoa.planformat;

import java.util.Locale;

/** JSON values of the model's enums: the constant's name in lower case ({@code MASS_MEDIA} ↔ {@code mass_media}). */
final class Enums {

    private Enums() {
    }

    static <E extends Enum<E>> E fromJson(Class<E> type, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().toLowerCase(Locale.ROOT).equals(value)) {
                return constant;
            }
        }
        return null;
    }

    static String json(Enum<?> constant) {
        return constant == null ? null : constant.name().toLowerCase(Locale.ROOT);
    }
}
