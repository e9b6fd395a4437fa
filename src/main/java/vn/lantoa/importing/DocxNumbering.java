package vn.lantoa.importing;

import java.util.HashMap;
import java.util.Map;

/**
 * Word's automatic numbering (numbering.xml): the labels that Word displays before a paragraph but that are not in
 * its text. Abstract definitions give each level a format ("decimal", "upperRoman", "lowerLetter", "bullet"…), a
 * pattern ("%1.%2.") and a start; a numbering instance points at one, and may restart levels ("startOverride") or
 * replace them. Instances without overrides share their abstract definition's counters, as in Word.
 */
final class DocxNumbering {

    static final class Level {
        int start = 1;
        String format = "decimal";
        String text = "%1.";
        boolean legal;
    }

    static final class Abstract {
        final Level[] levels = new Level[9];
    }

    static final class Num {
        String abstractId;
        final Map<Integer, Integer> startOverrides = new HashMap<>();
        final Map<Integer, Level> levelOverrides = new HashMap<>();
    }

    final Map<String, Abstract> abstracts = new HashMap<>();
    final Map<String, Num> nums = new HashMap<>();
    private final Map<String, int[]> counters = new HashMap<>();
    private static final int UNSET = Integer.MIN_VALUE;

    /** The label Word shows for the next paragraph of this list at this level; null for none. */
    String next(String numId, int ilvl) {
        if (numId == null || numId.equals("0") || ilvl < 0 || ilvl > 8) {
            return null;
        }
        Num num = nums.get(numId);
        if (num == null) {
            return null;
        }
        Abstract definition = abstracts.get(num.abstractId);
        if (definition == null) {
            return null;
        }
        String key = num.startOverrides.isEmpty() && num.levelOverrides.isEmpty() ? "a:" + num.abstractId : "n:" + numId;
        int[] count = counters.computeIfAbsent(key, k -> {
            int[] fresh = new int[9];
            java.util.Arrays.fill(fresh, UNSET);
            return fresh;
        });
        count[ilvl] = count[ilvl] == UNSET ? start(num, definition, ilvl) : count[ilvl] + 1;
        for (int deeper = ilvl + 1; deeper < 9; deeper++) {
            count[deeper] = UNSET;
        }
        Level level = level(num, definition, ilvl);
        if (level == null) {
            return null;
        }
        if ("bullet".equals(level.format)) {
            return level.text != null && level.text.strip().equals("+") ? "+" : "-";
        }
        if ("none".equals(level.format) || level.text == null) {
            return null;
        }
        StringBuilder label = new StringBuilder();
        String pattern = level.text;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '%' && i + 1 < pattern.length() && pattern.charAt(i + 1) >= '1' && pattern.charAt(i + 1) <= '9') {
                int k = pattern.charAt(++i) - '1';
                Level of = level(num, definition, k);
                int value = count[k] == UNSET ? start(num, definition, k) : count[k];
                String format = of == null ? "decimal" : of.format;
                if (level.legal && k != ilvl) {
                    format = "decimal";
                }
                label.append(format(value, format));
            } else {
                label.append(c);
            }
        }
        String result = label.toString().strip();
        return result.isEmpty() ? null : result;
    }

    private static Level level(Num num, Abstract definition, int ilvl) {
        Level override = num.levelOverrides.get(ilvl);
        return override != null ? override : definition.levels[ilvl];
    }

    private static int start(Num num, Abstract definition, int ilvl) {
        Integer override = num.startOverrides.get(ilvl);
        if (override != null) {
            return override;
        }
        Level level = level(num, definition, ilvl);
        return level == null ? 1 : level.start;
    }

    static String format(int value, String format) {
        return switch (format) {
            case "upperRoman" -> roman(value);
            case "lowerRoman" -> roman(value).toLowerCase(java.util.Locale.ROOT);
            case "upperLetter" -> letters(value);
            case "lowerLetter" -> letters(value).toLowerCase(java.util.Locale.ROOT);
            case "decimalZero" -> value >= 0 && value < 10 ? "0" + value : Integer.toString(value);
            default -> Integer.toString(value);
        };
    }

    /** Word's letters: A … Z, then AA … ZZ, AAA … (repeated, not base 26). */
    static String letters(int value) {
        if (value <= 0) {
            return Integer.toString(value);
        }
        char letter = (char) ('A' + (value - 1) % 26);
        int times = (value - 1) / 26 + 1;
        return String.valueOf(letter).repeat(Math.min(times, 10));
    }

    static String roman(int value) {
        if (value <= 0 || value >= 4000) {
            return Integer.toString(value);
        }
        int[] values = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
        String[] symbols = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
        StringBuilder out = new StringBuilder();
        int rest = value;
        for (int i = 0; i < values.length; i++) {
            while (rest >= values[i]) {
                out.append(symbols[i]);
                rest -= values[i];
            }
        }
        return out.toString();
    }
}
