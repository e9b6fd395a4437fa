package vn.lantoa.authorization;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import vn.lantoa.account.user.ApiTokens;
import vn.lantoa.account.user.Users;
import vn.lantoa.cascade.CascadeIssuing;
import vn.lantoa.organization.UnitManagement;
import vn.lantoa.organization.Units;
import vn.lantoa.plan.PlanManagement;

/**
 * The whole application with its security filter chain (the same Spring context as the other MockMvc tests), and
 * the fixture of the authorisation tests, built once per JVM.
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class AuthorizationSupport {

    private static AuthorizationFixture shared;

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    protected RequestMappingHandlerMapping handlerMapping;
    @Autowired
    private UnitManagement unitManagement;
    @Autowired
    private Units units;
    @Autowired
    private Users users;
    @Autowired
    private PasswordEncoder encoder;
    @Autowired
    private PlanManagement plans;
    @Autowired
    private ApiTokens tokens;
    @Autowired
    protected vn.lantoa.activity.EvidenceStorage evidenceStorage;
    @Autowired
    private CascadeIssuing cascade;

    protected AuthorizationFixture fixture() {
        synchronized (AuthorizationSupport.class) {
            if (shared == null) {
                shared = new AuthorizationFixture(mvc, unitManagement, units, users, plans, tokens, jdbc, encoder,
                        cascade);
            }
            return shared;
        }
    }
}
