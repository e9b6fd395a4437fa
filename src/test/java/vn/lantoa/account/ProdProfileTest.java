package vn.lantoa.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import vn.lantoa.cli.LanToaCli;

/**
 * The production profile alone (not the test profile, whose settings would win) on an in-memory database of its own,
 * over a real port: S-24 it starts with no users and no demo data,
 * and the first administrator is created by {@code lantoa user create-admin} with a one-time password that must be
 * changed at the first login; S-04 the cookie is {@code __Host-LANTOA}, Secure; H-04 HSTS behind a TLS proxy; H-12
 * no H2 console.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=" + ProdProfileTest.DATABASE, "spring.datasource.username=sa", "spring.datasource.password="})
@ActiveProfiles(value = "prod", inheritProfiles = false)
class ProdProfileTest {

    static final String DATABASE = "jdbc:h2:mem:lantoa-prod-check;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
            + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> send(String method, String path, String cookie, String form, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, form == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(form));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        if (form != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String cookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("__Host-LANTOA="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElse(null);
    }

    private static String token(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).isTrue();
        return URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void s24ProductionStartsEmptyAndTheFirstAdministratorComesFromTheCommandLine() throws Exception {
        assertThat(jdbc.sql("select count(*) from app_user").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from unit").query(Long.class).single()).isZero();

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            exit = LanToaCli.run(new String[] {"user", "create-admin", "--username", "quantri.dautien",
                "--unit", "Tỉnh ủy Thử nghiệm", "--create-unit", "--spring.profiles.active=prod",
                "--spring.datasource.url=" + DATABASE, "--spring.datasource.username=sa",
                "--spring.datasource.password=", "--spring.main.banner-mode=off"});
        } finally {
            System.setOut(original);
        }
        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(output).isZero();
        Matcher password = Pattern.compile("Mật khẩu dùng một lần \\(chỉ hiện lần này\\): (\\S+)").matcher(output);
        assertThat(password.find()).as(output).isTrue();
        String oneTime = password.group(1);
        assertThat(jdbc.sql("select role from app_user where username = 'quantri.dautien'").query(String.class).single())
                .isEqualTo("SYS_ADMIN");

        HttpResponse<String> loginPage = send("GET", "/login", null, null);
        String anonymous = cookie(loginPage);
        HttpResponse<String> login = send("POST", "/login", anonymous, "username=quantri.dautien&password="
                + encode(oneTime) + "&_csrf=" + token(loginPage.body()));
        assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/account/password");
        String session = cookie(login);
        // nothing else until the password is changed
        assertThat(send("GET", "/admin/users", session, null).headers().firstValue("Location").orElseThrow())
                .endsWith("/account/password");
        HttpResponse<String> api = send("GET", "/api/v1/users", session, null);
        assertThat(api.statusCode()).isEqualTo(403);
        assertThat(api.body()).contains("PASSWORD_CHANGE_REQUIRED");
        HttpResponse<String> form = send("GET", "/account/password", session, null);
        assertThat(form.body()).contains("mật khẩu dùng một lần");
        String mine = "Ánh bình minh trên đỉnh Fansipan";
        HttpResponse<String> changed = send("POST", "/account/password", session, "currentPassword=" + encode(oneTime)
                + "&newPassword=" + encode(mine) + "&confirmPassword=" + encode(mine) + "&_csrf=" + token(form.body()));
        assertThat(changed.statusCode()).isEqualTo(302);
        String renewed = cookie(changed);
        assertThat(renewed).isNotNull().isNotEqualTo(session);
        assertThat(send("GET", "/api/v1/users", renewed, null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/admin/users", renewed, null).statusCode()).isEqualTo(200);
        // the one-time password is gone
        HttpResponse<String> again = send("GET", "/login", null, null);
        HttpResponse<String> old = send("POST", "/login", cookie(again), "username=quantri.dautien&password="
                + encode(oneTime) + "&_csrf=" + token(again.body()));
        assertThat(old.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
    }

    @Test
    void s04TheProductionCookieIsHostPrefixedAndSecure() throws Exception {
        String setCookie = send("GET", "/login", null, null).headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("__Host-LANTOA=")).findFirst().orElseThrow();
        List<String> attributes = List.of(setCookie.toLowerCase(Locale.ROOT).split(";\\s*"));
        assertThat(attributes).contains("secure", "httponly", "samesite=lax", "path=/");
        assertThat(attributes).noneMatch(a -> a.startsWith("domain"));
    }

    @Test
    void h04HstsBehindATlsProxyOnly() throws Exception {
        HttpResponse<String> proxied = send("GET", "/login", null, null, "X-Forwarded-Proto", "https");
        assertThat(proxied.headers().firstValue("Strict-Transport-Security").orElse(""))
                .contains("max-age=31536000").contains("includeSubDomains");
        assertThat(send("GET", "/login", null, null).headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void h12NoH2ConsoleInProduction() throws Exception {
        assertThat(send("GET", "/h2-console", null, null).statusCode()).isIn(302, 401, 404);
        assertThat(send("GET", "/h2-console/login.do", null, null).statusCode()).isIn(302, 401, 404);
    }
}
