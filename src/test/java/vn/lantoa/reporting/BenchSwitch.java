package vn.lantoa.reporting;

/** For the reporting benchmark only: turns the live totals off and on (W7's "counters off" baseline). */
public final class BenchSwitch {

    private BenchSwitch() {
    }

    public static void liveTotals(ActivityTotals totals, boolean on) {
        totals.live = on;
    }
}
