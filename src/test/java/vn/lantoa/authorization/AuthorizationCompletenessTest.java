package vn.lantoa.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.util.ServletRequestPathUtils;

import vn.lantoa.account.Role;
import vn.lantoa.authorization.Probe.Channel;

/**
 * the policy covers the whole application. Every route that Spring MVC maps is a call of an action of the
 * matrix, and that action has a row for every role and relation; so a new endpoint without a policy fails the
 * build, naming its route. C-04: no route that changes something answers GET.
 */
class AuthorizationCompletenessTest extends AuthorizationSupport {

    private static final Set<RequestMethod> WRITES = EnumSet.of(RequestMethod.POST, RequestMethod.PUT,
            RequestMethod.PATCH, RequestMethod.DELETE);

    @Test
    void everyRouteIsACallOfAnActionWithPolicyRows() {
        Set<String> inPolicy = new LinkedHashSet<>();
        Policy.rows().forEach(row -> inPolicy.add(row.action()));
        Set<String> covered = new TreeSet<>();
        for (Action action : Actions.ALL) {
            if (inPolicy.contains(action.name())) {
                for (Probe probe : action.probes()) {
                    covered.add(probe.method().name() + " " + Routes.Route.shape(probe.pattern()));
                }
            }
        }
        List<String> unmapped = new ArrayList<>();
        for (Routes.Route route : Routes.of(handlerMapping)) {
            if (route.isPublic()) {
                continue;
            }
            if (route.methods().isEmpty()) {
                unmapped.add(route + ": takes every HTTP method; give it its methods and policy rows");
                continue;
            }
            for (RequestMethod method : route.methods()) {
                if (!covered.contains(method.name() + " " + route.shape())) {
                    unmapped.add(method + " " + route.pattern() + " (" + route.handler().getBeanType().getSimpleName()
                            + "." + route.handler().getMethod().getName() + ")");
                }
            }
        }
        assertThat(unmapped).as("A-03: routes without a policy. Add an action for each to "
                + "vn.lantoa.authorization.Actions and its rows to " + Policy.RESOURCE).isEmpty();
    }

    /** The catalog does not describe calls the application no longer has (a renamed route would go unnoticed). */
    @Test
    void everyCallOfTheCatalogIsARoute() {
        Set<String> routes = new TreeSet<>();
        for (Routes.Route route : Routes.of(handlerMapping)) {
            route.methods().forEach(method -> routes.add(method.name() + " " + route.shape()));
        }
        List<String> stale = new ArrayList<>();
        for (Action action : Actions.ALL) {
            for (Probe probe : action.probes()) {
                if (!routes.contains(probe.method().name() + " " + Routes.Route.shape(probe.pattern()))) {
                    stale.add(action.name() + ": " + probe);
                }
            }
        }
        assertThat(stale).as("calls of the catalog that no route answers").isEmpty();
    }

    /** Every action has exactly one row for every role and every relation it applies to, and no other. */
    @Test
    void thePolicyHasOneRowForEveryRoleAndRelationOfEveryAction() {
        Map<String, Integer> seen = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (Policy.Row row : Policy.rows()) {
            Action action = Actions.BY_NAME.get(row.action());
            if (action == null) {
                problems.add("unknown action: " + row);
                continue;
            }
            if (!action.target().relations().contains(row.relation())) {
                problems.add("relation " + row.relation().label() + " does not apply to " + row.action() + ": " + row);
            }
            if (row.expected().refusal() && action.probes().stream().anyMatch(p -> p.channel() == Channel.API)
                    && row.code().isEmpty()) {
                problems.add("a refusal through the API needs its problem code: " + row);
            }
            if (seen.merge(row.role() + " " + row.relation() + " " + row.action(), 1, Integer::sum) > 1) {
                problems.add("twice: " + row);
            }
        }
        for (Action action : Actions.ALL) {
            for (Role role : Role.values()) {
                for (Relation relation : action.target().relations()) {
                    if (!seen.containsKey(role + " " + relation + " " + action.name())) {
                        problems.add("missing: " + role + "," + relation.label() + "," + action.name());
                    }
                }
            }
        }
        assertThat(problems).as(Policy.RESOURCE).isEmpty();
    }

    /**
     * C-04: a handler that changes something is not reached by GET. GET on its path is either refused (405) or
     * reaches another handler that only reads; checked in the handler mapping, and by a GET of a system
     * administrator, who may do everything.
     */
    @Test
    void c04NoStateChangeThroughGet() throws Exception {
        Account admin = fixture().world.actor(Role.SYS_ADMIN);
        long id = fixture().world.unit(Relation.CHILD).id();
        List<String> problems = new ArrayList<>();
        int writes = 0;
        for (Routes.Route route : Routes.of(handlerMapping)) {
            if (route.methods().isEmpty() && !route.isPublic()) {
                problems.add(route + " answers every method, GET included");
            }
            if (route.methods().isEmpty() || !WRITES.containsAll(route.methods())) {
                continue;
            }
            writes++;
            MockHttpServletRequest get = new MockHttpServletRequest("GET", route.path(id));
            ServletRequestPathUtils.parseAndCache(get);
            try {
                HandlerExecutionChain chain = handlerMapping.getHandler(get);
                if (chain != null && chain.getHandler() instanceof HandlerMethod other) {
                    boolean readOnly = Routes.of(handlerMapping).stream()
                            .filter(r -> r.handler().getMethod().equals(other.getMethod()))
                            .allMatch(r -> r.methods().equals(Set.of(RequestMethod.GET)));
                    if (!readOnly) {
                        problems.add("GET " + route.path(id) + " reaches " + other + ", which is not a read");
                    }
                }
            } catch (HttpRequestMethodNotSupportedException refused) {
                var request = request(HttpMethod.GET, route.path(id));
                Mechanism.SESSION.apply(request, fixture(), admin, route.isApi() ? Channel.API : Channel.PAGE, false);
                int status = mvc.perform(request).andReturn().getResponse().getStatus();
                if (status != 405) {
                    problems.add("GET " + route.path(id) + " answered " + status + ", not 405");
                }
            }
        }
        assertThat(writes).as("routes that change something").isGreaterThan(20);
        assertThat(problems).as("C-04").isEmpty();
    }
}
