package vn.lantoa.document.layout;

/** Roman numerals for section numbers (I, II … XX). */
final class Roman {

    private static final String[] NUMERALS = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI",
        "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX"};

    private Roman() {
    }

    static String of(int n) {
        return n > 0 && n < NUMERALS.length ? NUMERALS[n] : String.valueOf(n);
    }
}
