package vn.lantoa.importing.structure;

/** Roman numerals, as congress ordinals and section numbers use them. */
public final class Roman {

    private Roman() {
    }

    /** The value of a roman numeral in capitals, or 0 when it is not one (or not in canonical form). */
    public static int value(String roman) {
        if (roman == null || roman.isEmpty() || roman.length() > 12) {
            return 0;
        }
        int total = 0;
        int previous = 0;
        for (int i = roman.length() - 1; i >= 0; i--) {
            int v = switch (Character.toUpperCase(roman.charAt(i))) {
                case 'I' -> 1;
                case 'V' -> 5;
                case 'X' -> 10;
                case 'L' -> 50;
                case 'C' -> 100;
                default -> 0;
            };
            if (v == 0) {
                return 0;
            }
            total += v < previous ? -v : v;
            previous = Math.max(previous, v);
        }
        return total > 0 && of(total).equalsIgnoreCase(roman) ? total : 0;
    }

    /** The canonical numeral of 1..399. */
    public static String of(int value) {
        if (value <= 0 || value >= 400) {
            return "";
        }
        String[] hundreds = {"", "C", "CC", "CCC"};
        String[] tens = {"", "X", "XX", "XXX", "XL", "L", "LX", "LXX", "LXXX", "XC"};
        String[] units = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"};
        return hundreds[value / 100] + tens[value / 10 % 10] + units[value % 10];
    }
}
