package vn.lantoa.plan;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.lantoa.account.CurrentUser;
import vn.lantoa.account.Role;
import vn.lantoa.organization.NewUnit;
import vn.lantoa.organization.TestActor;
import vn.lantoa.organization.Unit;
import vn.lantoa.organization.UnitKind;
import vn.lantoa.organization.UnitManagement;

/**
 * The fixture tree of RELIABILITY.md §(a), under names no other test uses: province ⊃ city ⊃ {own ⊃ ward, front}. The
 * plans of a test are issued by {@link #own}; users of each unit act through {@link #as(Unit, Role)}.
 */
public final class PlanFixture {

    // a fresh range per test run: a database reused by an earlier run (PostgreSQL) keeps what its users saved, such as
    // notification preferences, which must not apply to this run's users of the same id
    private static final AtomicLong USER_IDS = new AtomicLong(
            9_000_000_000L + java.util.concurrent.ThreadLocalRandom.current().nextLong(1_000_000L) * 10_000L);

    public final String token = TestActor.token();
    public final Unit province;
    public final Unit city;
    public final Unit own;
    public final Unit ward;
    public final Unit front;

    public PlanFixture(UnitManagement management) {
        province = create(management, null, "Tỉnh ủy " + token, UnitKind.PARTY_COMMITTEE);
        city = create(management, province, "Thành ủy " + token, UnitKind.PARTY_COMMITTEE);
        own = create(management, city, "Ủy ban nhân dân thành phố " + token, UnitKind.PEOPLES_COMMITTEE);
        ward = create(management, own, "Ủy ban nhân dân phường An Dương " + token, UnitKind.PEOPLES_COMMITTEE);
        front = create(management, city, "Ủy ban MTTQ thành phố " + token, UnitKind.FATHERLAND_FRONT);
    }

    private static Unit create(UnitManagement management, Unit parent, String name, UnitKind kind) {
        return management.create(TestActor.admin(), new NewUnit(parent == null ? null : parent.id(), name, null, kind,
                null, null, LocalDate.of(2020, 1, 1)));
    }

    /** A user of the unit with the role (not stored: the principal is what the plan module reads). */
    public static CurrentUser user(Unit unit, Role role) {
        long id = USER_IDS.incrementAndGet();
        return new CurrentUser(id, "u" + id, "Người dùng " + id, unit.id(), unit.path(), unit.shortName(), role,
                false);
    }

    /** The request made by a new user of the unit with the role. */
    public static RequestPostProcessor as(Unit unit, Role role) {
        return as(user(unit, role));
    }

    public static RequestPostProcessor as(CurrentUser user) {
        return authentication(new TestingAuthenticationToken(user, null, user.role().authority()));
    }
}
