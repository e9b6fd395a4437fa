package vn.lantoa.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Every route the application maps, read from Spring MVC's handler mapping (for the route sweeps of §(e)). */
final class Routes {

    /** A mapped path pattern with the methods it accepts (empty: every method) and its handler. */
    record Route(String pattern, Set<RequestMethod> methods, HandlerMethod handler) {

        /** The pattern with every {variable} replaced by a number that names nothing. */
        String samplePath() {
            return pattern.replaceAll("\\{[^}]+}", "987654321");
        }

        boolean accepts(RequestMethod method) {
            return methods.isEmpty() || methods.contains(method);
        }

        boolean hasVariables() {
            return pattern.contains("{");
        }
    }

    private Routes() {
    }

    static List<Route> of(RequestMappingHandlerMapping mapping) {
        List<Route> routes = new ArrayList<>();
        mapping.getHandlerMethods().forEach((RequestMappingInfo info, HandlerMethod handler) -> {
            Set<String> patterns = info.getPathPatternsCondition() != null
                    ? info.getPathPatternsCondition().getPatternValues()
                    : info.getPatternValues();
            for (String pattern : patterns) {
                if (!pattern.contains("*")) {
                    routes.add(new Route(pattern, info.getMethodsCondition().getMethods(), handler));
                }
            }
        });
        return routes;
    }

    /** The distinct paths that answer GET, with variables filled in. */
    static Set<String> getPaths(RequestMappingHandlerMapping mapping) {
        Set<String> paths = new TreeSet<>();
        for (Route route : of(mapping)) {
            if (route.accepts(RequestMethod.GET)) {
                paths.add(route.samplePath());
            }
        }
        return paths;
    }
}
