package vn.lantoa.schedule.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The calendar feeds' own security chain, before the application's: GET only, no session, no login (a phone's
 * calendar cannot log in; the secret in the path is checked by {@link vn.lantoa.schedule.CalendarFeeds}).
 */
@Configuration(proxyBeanMethods = false)
class FeedSecurity {

    static final String PREFIX = "/schedule/ics/";

    @Bean
    @Order(10)
    SecurityFilterChain calendarFeedChain(HttpSecurity http) throws Exception {
        http.securityMatcher(request -> "GET".equals(request.getMethod())
                && request.getRequestURI().substring(request.getContextPath().length()).startsWith(PREFIX)
                && request.getRequestURI().endsWith(".ics"))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'"))
                        .frameOptions(frame -> frame.deny()));
        return http.build();
    }
}
