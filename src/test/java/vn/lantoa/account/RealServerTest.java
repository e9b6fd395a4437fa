package vn.lantoa.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.catalina.Context;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.lantoa.account.AccountTestSupport.TestUser;
import vn.lantoa.account.user.UserManagement;
import vn.lantoa.organization.NewUnit;
import vn.lantoa.organization.Unit;
import vn.lantoa.organization.UnitKind;
import vn.lantoa.organization.UnitManagement;

/**
 * What only the real server shows (Tomcat, cookies, raw HTTP): H-07 and H-08 on the wire, H-11 TRACE, S-01 cookie
 * tracking only, S-02 a new session id at login with the old one dead, S-03 the cookie dead after logout, S-04
 * cookie attributes, S-05 the container's idle timeout.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClockConfiguration.class)
class RealServerTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    UnitManagement units;
    @Autowired
    UserManagement users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    WebServerApplicationContext context;

    /** A client that never follows redirects and keeps no cookies: every cookie is sent by hand. */
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> send(String method, String path, String cookie, String form) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, form == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(form));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        if (form != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private TestUser newUser() {
        String name = "Đơn vị máy chủ " + AccountTestSupport.unique("srv");
        Unit unit = units.create(AccountTestSupport.ROOT, new NewUnit(null, name, name, UnitKind.OTHER, null, null, null));
        String username = AccountTestSupport.unique("officer.srv");
        String password = "Gió mùa đông bắc tràn về " + AccountTestSupport.unique("x");
        long id = users.createWithPassword(username, "Người dùng máy chủ", unit.id(), Role.OFFICER, password);
        return new TestUser(id, username, password, unit, Role.OFFICER);
    }

    private static String sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("LANTOA="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElse(null);
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** GET /login, then POST the form with its token; returns [cookie before, cookie after]. */
    private String[] logIn(TestUser user) throws Exception {
        HttpResponse<String> page = send("GET", "/login", null, null);
        String before = sessionCookie(page);
        Matcher token = CSRF.matcher(page.body());
        assertThat(token.find()).isTrue();
        HttpResponse<String> login = send("POST", "/login", before, "username=" + encode(user.username())
                + "&password=" + encode(user.password()) + "&_csrf=" + encode(token.group(1)));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        String after = sessionCookie(login);
        return new String[] {before, after};
    }

    @Test
    void s02TheSessionIdChangesAtLoginAndTheOldOneIsDead() throws Exception {
        String[] cookies = logIn(newUser());
        assertThat(cookies[0]).isNotNull();
        assertThat(cookies[1]).isNotNull().isNotEqualTo(cookies[0]);
        assertThat(send("GET", "/api/v1/me", cookies[1], null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/v1/me", cookies[0], null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/account/password", cookies[0], null).statusCode()).isEqualTo(302);
    }

    @Test
    void s03AfterLogoutTheOldCookieIsRejectedAndPagesAreNotCached() throws Exception {
        String cookie = logIn(newUser())[1];
        HttpResponse<String> page = send("GET", "/account/password", cookie, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        Matcher token = CSRF.matcher(page.body());
        assertThat(token.find()).isTrue();
        HttpResponse<String> logout = send("POST", "/logout", cookie, "_csrf=" + encode(token.group(1)));
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(logout.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");
        assertThat(send("GET", "/account/password", cookie, null).statusCode()).isEqualTo(302);
        assertThat(send("GET", "/api/v1/me", cookie, null).statusCode()).isEqualTo(401);
    }

    @Test
    void s01s04TheSessionLivesOnlyInAnHttpOnlyLaxCookie() throws Exception {
        HttpResponse<String> page = send("GET", "/login", null, null);
        String setCookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("LANTOA="))
                .findFirst().orElseThrow();
        List<String> attributes = List.of(setCookie.toLowerCase(Locale.ROOT).split(";\\s*"));
        assertThat(attributes).contains("httponly", "samesite=lax", "path=/");
        assertThat(attributes).noneMatch(a -> a.startsWith("domain"));
        assertThat(page.body()).doesNotContainIgnoringCase("jsessionid").doesNotContainIgnoringCase(";lantoa=");
        String cookie = logIn(newUser())[1];
        HttpResponse<String> home = send("GET", "/account/password", cookie, null);
        assertThat(home.body()).doesNotContainIgnoringCase("jsessionid");
        Context tomcat = tomcatContext();
        assertThat(tomcat.getServletContext().getEffectiveSessionTrackingModes())
                .containsExactly(jakarta.servlet.SessionTrackingMode.COOKIE);
    }

    @Test
    void s05TheContainerEndsIdleSessionsAfterFifteenMinutes() {
        assertThat(tomcatContext().getSessionTimeout()).isEqualTo(15);
    }

    @Test
    void h08NoServerHeaderOnTheWire() throws Exception {
        for (String path : List.of("/login", "/api/v1/me", "/no-such-page", "/css/lantoa.css")) {
            HttpResponse<String> response = send("GET", path, null, null);
            assertThat(response.headers().firstValue("Server")).as(path).isEmpty();
            assertThat(response.headers().firstValue("X-Powered-By")).as(path).isEmpty();
        }
    }

    @Test
    void h07TextFilesAreServedAsUtf8() throws Exception {
        for (String path : List.of("/login", "/css/lantoa.css", "/js/account.js")) {
            HttpResponse<String> response = send("GET", path, null, null);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow().toLowerCase(Locale.ROOT)
                    .replace(" ", "")).as(path).contains("charset=utf-8");
        }
    }

    @Test
    void h11TraceIsRefused() throws Exception {
        for (String path : List.of("/", "/login", "/api/v1/me")) {
            HttpResponse<String> response = send("TRACE", path, null, null);
            assertThat(response.statusCode()).as(path).isEqualTo(405);
        }
        HttpResponse<String> options = send("OPTIONS", "/login", null, null);
        assertThat(options.body()).doesNotContain("Exception", "org.springframework");
    }

    private Context tomcatContext() {
        TomcatWebServer server = (TomcatWebServer) context.getWebServer();
        return (Context) server.getTomcat().getHost().findChildren()[0];
    }

    /** Pages, scripts and styles go gzipped to a browser that accepts it, and read back whole. */
    @Test
    void responsesAreCompressedForABrowserThatAcceptsGzip() throws Exception {
        for (String path : List.of("/webjars/bootstrap/dist/css/bootstrap.min.css", "/login")) {
            HttpResponse<byte[]> plain = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            HttpResponse<byte[]> zipped = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(plain.statusCode()).as(path).isEqualTo(200);
            assertThat(plain.headers().firstValue("Content-Encoding")).as(path).isEmpty();
            if (plain.body().length < 2048) {
                continue; // below the threshold: sent as it is
            }
            assertThat(zipped.headers().firstValue("Content-Encoding")).as(path).hasValue("gzip");
            assertThat(zipped.body().length).as(path).isLessThan(plain.body().length / 2);
            byte[] unzipped = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(zipped.body()))
                    .readAllBytes();
            if (path.endsWith(".css")) {
                assertThat(unzipped).as(path).isEqualTo(plain.body());
            } else { // a page carries a fresh CSRF token each time: compare its text
                assertThat(new String(unzipped, java.nio.charset.StandardCharsets.UTF_8)).as(path).contains("Đăng nhập");
            }
        }
    }
}
