package vn.lantoa.authorization;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The routes of the application, read from Spring MVC's handler mapping (A-03, A-04, C-04). */
final class Routes {

    /**
     * Public on purpose, with no policy rows: the login page, the error page, and the OpenAPI description with its
     * UI (deliberately public, H-13; it holds no data). Static files and /actuator/health are not handler methods.
     */
    static final List<String> PUBLIC_PREFIXES = List.of("/login", "/error", "/api/v1/openapi.json", "/api/v1/docs",
            "/swagger-ui", "/v3/api-docs",
            // the iCalendar feed a phone subscribes to: the secret in its path is the credential (ScheduleTest)
            "/schedule/ics/");

    /** One path pattern of a handler method, with the methods it accepts (empty: every method). */
    record Route(String pattern, Set<RequestMethod> methods, HandlerMethod handler) {

        /** The pattern with its variables named alike: "/api/v1/units/{}/move". */
        String shape() {
            return shape(pattern);
        }

        static String shape(String pattern) {
            return pattern.replaceAll("\\{[^}]+}", "{}");
        }

        /** The pattern with every variable replaced by {@code id}. */
        String path(long id) {
            return pattern.replaceAll("\\{[^}]+}", String.valueOf(id));
        }

        boolean isPublic() {
            return PUBLIC_PREFIXES.stream().anyMatch(pattern::startsWith);
        }

        boolean isApi() {
            return pattern.startsWith("/api/");
        }

        /** The methods to call it with: its own, or GET and POST when it takes every method. */
        Set<RequestMethod> callMethods() {
            return methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST) : methods;
        }

        @Override
        public String toString() {
            return (methods.isEmpty() ? "ANY" : methods.toString()) + " " + pattern + " (" + handler.getBeanType()
                    .getSimpleName() + "." + handler.getMethod().getName() + ")";
        }
    }

    private Routes() {
    }

    static List<Route> of(RequestMappingHandlerMapping mapping) {
        List<Route> routes = new ArrayList<>();
        mapping.getHandlerMethods().forEach((RequestMappingInfo info, HandlerMethod handler) -> {
            Set<String> patterns = info.getPathPatternsCondition() != null
                    ? info.getPathPatternsCondition().getPatternValues() : info.getPatternValues();
            for (String pattern : patterns) {
                routes.add(new Route(pattern, info.getMethodsCondition().getMethods(), handler));
            }
        });
        routes.sort((a, b) -> a.pattern().compareTo(b.pattern()));
        return routes;
    }
}
