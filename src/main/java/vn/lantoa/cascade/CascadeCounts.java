package vn.lantoa.cascade;

/**
 * How many assigned units are in each state, at one level below a plan (depth 1: the units it assigns) or over its
 * whole cascade (depth 0).
 */
public record CascadeCounts(int depth, long onTime, long late, long draft, long missing, long notAsked) {

    static final CascadeCounts ZERO = new CascadeCounts(0, 0, 0, 0, 0, 0);

    public long total() {
        return onTime + late + draft + missing + notAsked;
    }

    /** Units asked for a plan that issued one, on time or late. */
    public long issued() {
        return onTime + late;
    }

    CascadeCounts plus(CascadeCounts other) {
        return new CascadeCounts(depth, onTime + other.onTime, late + other.late, draft + other.draft,
                missing + other.missing, notAsked + other.notAsked);
    }
}
