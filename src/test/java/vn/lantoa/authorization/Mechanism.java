package vn.lantoa.authorization;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.servlet.http.Cookie;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import vn.lantoa.authorization.Probe.Channel;

/**
 * The ways of authenticating that every cell runs with: the session of a form login (its cookie, and the
 * CSRF token on every write), HTTP Basic (no cookie, no CSRF token, the password on every request), and a personal
 * API token ({@code Authorization: Bearer lt_…}, no cookie, no CSRF token). Basic and tokens reach only the API.
 */
enum Mechanism {

    SESSION, BASIC, TOKEN;

    /** Adds the actor's credentials to the request, and the CSRF token for a write with the session. */
    void apply(AbstractMockHttpServletRequestBuilder<?> request, AuthorizationFixture fixture, Account actor,
            Channel channel, boolean writes) {
        if (this == TOKEN) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + actor.token());
            return;
        }
        if (this == BASIC) {
            String credentials = actor.username() + ":" + actor.password();
            request.header(HttpHeaders.AUTHORIZATION,
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
            return;
        }
        AuthorizationFixture.Login login = fixture.login(actor);
        request.session(login.session()).cookie(new Cookie("LANTOA", login.session().getId()));
        if (writes) {
            if (channel == Channel.API) {
                request.header(login.headerName(), login.token());
            } else {
                request.param(login.parameterName(), login.token());
            }
        }
    }
}
