package vn.lantoa.account;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import vn.lantoa.account.user.UserManagement;
import vn.lantoa.organization.NewUnit;
import vn.lantoa.organization.Unit;
import vn.lantoa.organization.UnitActor;
import vn.lantoa.organization.UnitKind;
import vn.lantoa.organization.UnitManagement;

/**
 * The whole application with its security filter chain, a clock the test moves, and helpers that create units and
 * users under unique names (the database is shared by every test, on H2 and on PostgreSQL).
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestClockConfiguration.class)
public abstract class AccountTestSupport {

    /** Unique per JVM run, so that two runs against the same PostgreSQL database do not collide. */
    static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    /** A user the test created, with the password it was given. */
    public record TestUser(long id, String username, String password, Unit unit, Role role) {
    }

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected UnitManagement unitManagement;
    @Autowired
    protected UserManagement userManagement;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected MutableClock clock;

    /** The organization module's actor with authority over the whole tree (tests set up their own trees). */
    protected static final UnitActor ROOT = new UnitActor() {
        @Override
        public long unitId() {
            return -1;
        }

        @Override
        public UnitAuthority unitAuthority() {
            return UnitAuthority.ALL;
        }
    };

    protected static String unique(String prefix) {
        return prefix + "-" + RUN + "-" + SEQUENCE.incrementAndGet();
    }

    /** A new unit with a unique name, under {@code parent} (null: a new root). */
    protected Unit unit(String name, Unit parent) {
        String unique = name + " " + RUN + " " + SEQUENCE.incrementAndGet();
        return unitManagement.create(ROOT, new NewUnit(parent == null ? null : parent.id(), unique, unique,
                UnitKind.OTHER, null, null, null));
    }

    /** A new user of the unit with a strong known password, no forced change. */
    protected TestUser user(Unit unit, Role role) {
        String username = unique(role.name().toLowerCase(Locale.ROOT).replace('_', '.'));
        String password = "Sông Hồng chảy mãi bốn mùa " + UUID.randomUUID().toString().substring(0, 8);
        long id = userManagement.createWithPassword(username, "Người thử " + username, unit.id(), role, password);
        return new TestUser(id, username, password, unit, role);
    }

    /** Logs in through the login form (the real filter chain); returns the logged-in session. */
    protected MockHttpSession login(TestUser user) throws Exception {
        return login(user.username(), user.password());
    }

    protected MockHttpSession login(String username, String password) throws Exception {
        MvcResult result = mvc.perform(post("/login").param("username", username).param("password", password)
                .with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
        String target = result.getResponse().getRedirectedUrl();
        if (target != null && target.contains("/login?error")) {
            throw new AssertionError("login failed for " + username);
        }
        return (MockHttpSession) result.getRequest().getSession(false);
    }
}
