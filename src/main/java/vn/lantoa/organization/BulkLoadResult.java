package vn.lantoa.organization;

import java.util.List;

/** What a bulk load created: the ids of the new units, in the order of the file's rows. */
public record BulkLoadResult(List<Long> createdIds) {

    public int created() {
        return createdIds.size();
    }
}
