package vn.lantoa.activity;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import vn.lantoa.account.CurrentUser;
import vn.lantoa.planformat.ChannelKind;
import vn.lantoa.shared.Problem;
import vn.lantoa.shared.VietnameseText;

/**
 * The indicator catalogue (danh mục chỉ tiêu), per channel. Read on every recorded activity and changed rarely, so the
 * active catalogue is held in memory and reloaded after a change here, and at least every minute for changes made
 * through another instance.
 */
@Repository
public class Indicators {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{1,59}");
    private static final long RELOAD_NANOS = 60_000_000_000L;
    private static final RowMapper<Indicator> ROW = (rs, i) -> new Indicator(rs.getString("code"),
            ChannelKind.fromJson(rs.getString("channel")), rs.getString("name"), rs.getString("unit_label"),
            rs.getInt("position"), rs.getBoolean("builtin"), rs.getBoolean("active"));

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile Map<String, Indicator> cache;
    private volatile long loadedAt;

    Indicators(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Every indicator, active or not, by channel then position. */
    public List<Indicator> all() {
        return List.copyOf(byCode().values());
    }

    /** The indicator with this code, active or not. */
    public java.util.Optional<Indicator> byCode(String code) {
        return java.util.Optional.ofNullable(byCode().get(code));
    }

    /**
     * Adds an indicator to the catalogue: system administrators only (403 otherwise). The code is lower-case ASCII
     * (409 {@code INDICATOR_EXISTS} when taken, even by a retired one).
     */
    @Transactional
    public Indicator add(CurrentUser user, String code, ChannelKind channel, String name, String unitLabel) {
        if (!user.isSystemAdministrator()) {
            throw Problem.forbidden("FORBIDDEN", "Bạn không có quyền thực hiện thao tác này.");
        }
        String cleanName = clean(name, 200);
        String cleanUnit = clean(unitLabel, 50);
        if (code == null || !CODE.matcher(code).matches() || channel == null || cleanName.isEmpty()
                || cleanUnit.isEmpty()) {
            throw Problem.badRequest("INDICATOR_INVALID", "Chỉ tiêu cần mã (chữ thường không dấu, số, dấu _), hình thức "
                    + "tuyên truyền, tên và đơn vị tính.");
        }
        if (jdbc.sql("select count(*) from indicator where code = :code").param("code", code).query(Long.class)
                .single() > 0) {
            throw Problem.conflict("INDICATOR_EXISTS", "Đã có chỉ tiêu mã {0}.", code);
        }
        int position = jdbc.sql("select coalesce(max(position), 0) + 10 from indicator where channel = :channel")
                .param("channel", channel.json()).query(Integer.class).single();
        jdbc.sql("insert into indicator (code, channel, name, unit_label, position, builtin, active, created_at) "
                + "values (:code, :channel, :name, :unit, :position, false, true, :at)").param("code", code)
                .param("channel", channel.json()).param("name", cleanName).param("unit", cleanUnit)
                .param("position", position).param("at", Instant.now(clock).atOffset(java.time.ZoneOffset.UTC)).update();
        cache = null;
        return new Indicator(code, channel, cleanName, cleanUnit, position, false, true);
    }

    private Map<String, Indicator> byCode() {
        Map<String, Indicator> c = cache;
        if (c == null || System.nanoTime() - loadedAt > RELOAD_NANOS) {
            Map<String, Indicator> loaded = new LinkedHashMap<>();
            jdbc.sql("select code, channel, name, unit_label, position, builtin, active from indicator")
                    .query(ROW).list().stream()
                    .sorted(java.util.Comparator.comparing((Indicator i) -> i.channel().ordinal())
                            .thenComparingInt(Indicator::position).thenComparing(Indicator::code))
                    .forEach(i -> loaded.put(i.code(), i));
            cache = c = java.util.Collections.unmodifiableMap(loaded);
            loadedAt = System.nanoTime();
        }
        return c;
    }

    static String clean(String text, int max) {
        if (text == null) {
            return "";
        }
        String s = VietnameseText.nfc(text).replaceAll("[\\p{Cc}\\p{Cf}]", " ").strip();
        return s.length() > max ? s.substring(0, max) : s;
    }
}
