package vn.lantoa.authorization;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a refused write must leave as it was: every unit of the world (with its version, path and state), their
 * history rows, the accounts of their users (version, role, unit, state, session epoch, hash, counters), and how
 * many units and users bear the name a creation would have used. Compared before and after a call.
 */
final class Snapshot {

    private Snapshot() {
    }

    static List<String> of(Ctx ctx) {
        JdbcClient jdbc = ctx.fixture.jdbc;
        String inWorld = "(u.path like :root0 or u.path like :root1)";
        List<String> rows = new ArrayList<>();
        rows.addAll(jdbc.sql("""
                select u.id, u.parent_id, u.path, u.depth, u.name, u.short_name, u.code, u.kind, u.system, u.closed_on,
                       u.successor_id, u.version
                from unit u where""" + " " + inWorld + " order by u.id")
                .param("root0", ctx.world.rootPaths.get(0) + "%").param("root1", ctx.world.rootPaths.get(1) + "%")
                .query(Snapshot::row).list());
        rows.addAll(jdbc.sql("""
                select h.unit_id, h.valid_from, h.valid_to, h.name, h.short_name, h.code, h.parent_id
                from unit_history h join unit u on u.id = h.unit_id where""" + " " + inWorld
                + " order by h.unit_id, h.valid_from, h.id")
                .param("root0", ctx.world.rootPaths.get(0) + "%").param("root1", ctx.world.rootPaths.get(1) + "%")
                .query(Snapshot::row).list());
        rows.addAll(jdbc.sql("""
                select a.id, a.username, a.display_name, a.unit_id, a.role, a.enabled, a.version, a.session_epoch,
                       a.password_hash, a.password_change_required, a.failed_logins, a.lock_count, a.locked_until
                from app_user a join unit u on u.id = a.unit_id where""" + " " + inWorld + " order by a.id")
                .param("root0", ctx.world.rootPaths.get(0) + "%").param("root1", ctx.world.rootPaths.get(1) + "%")
                .query(Snapshot::row).list());
        rows.addAll(jdbc.sql("""
                select t.id, t.user_id, t.name, t.token_hash, t.expires_at, t.revoked_at
                from api_token t join app_user a on a.id = t.user_id join unit u on u.id = a.unit_id
                where""" + " " + inWorld + " order by t.id")
                .param("root0", ctx.world.rootPaths.get(0) + "%").param("root1", ctx.world.rootPaths.get(1) + "%")
                .query(Snapshot::row).list());
        rows.addAll(jdbc.sql("""
                select p.id, p.issuer_unit_id, p.status, p.classification, p.revision, p.number, p.symbol, p.title,
                       p.issued_symbol, p.version, p.updated_by, p.issued_by,
                       (select count(*) from plan_revision r where r.plan_id = p.id) as revisions
                from plan p join unit u on u.id = p.issuer_unit_id where""" + " " + inWorld + " order by p.id")
                .param("root0", ctx.world.rootPaths.get(0) + "%").param("root1", ctx.world.rootPaths.get(1) + "%")
                .query(Snapshot::row).list());
        rows.addAll(jdbc.sql("""
                select e.id, e.owner_unit_id, e.name, e.kind, e.start_date, e.end_date, e.version
                from event_record e join unit u on u.id = e.owner_unit_id where""" + " " + inWorld + " order by e.id")
                .param("root0", ctx.world.rootPaths.get(0) + "%").param("root1", ctx.world.rootPaths.get(1) + "%")
                .query(Snapshot::row).list());
        rows.addAll(jdbc.sql("""
                select t.id, t.unit_id, t.status, t.done_note, t.version
                from task t join unit u on u.id = t.unit_id where""" + " " + inWorld + " order by t.id")
                .param("root0", ctx.world.rootPaths.get(0) + "%").param("root1", ctx.world.rootPaths.get(1) + "%")
                .query(Snapshot::row).list());
        if (ctx.fresh != null) {
            rows.add("events named " + ctx.fresh + ": " + jdbc.sql("select count(*) from event_record where name = :name")
                    .param("name", ctx.fresh).query(Long.class).single());
            rows.add("tokens named " + ctx.fresh + ": " + jdbc.sql("select count(*) from api_token where name = :name")
                    .param("name", ctx.fresh).query(Long.class).single());
            rows.add("plans titled " + ctx.fresh + ": " + jdbc.sql("select count(*) from plan where title = :title")
                    .param("title", ctx.fresh).query(Long.class).single());
            rows.add("units named " + ctx.fresh + ": " + jdbc.sql("select count(*) from unit where name = :name")
                    .param("name", ctx.fresh).query(Long.class).single());
            rows.add("users named " + ctx.fresh + ": " + jdbc.sql("select count(*) from app_user where username = :name")
                    .param("name", ctx.fresh).query(Long.class).single());
        }
        return rows;
    }

    private static String row(ResultSet rs, int number) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        StringBuilder out = new StringBuilder();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            out.append(i == 1 ? "" : " ").append(meta.getColumnLabel(i).toLowerCase()).append('=').append(rs.getString(i));
        }
        return out.toString();
    }
}
