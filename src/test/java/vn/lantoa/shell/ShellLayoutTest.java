package vn.lantoa.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

import vn.lantoa.account.AccountTestSupport;
import vn.lantoa.account.Role;

/**
 * The layout gives scripts what an htmx request needs to pass the CSRF check: the token and its header name in meta
 * tags that static/js/shell.js copies onto every non-GET request. A request carrying them the way the script does is
 * accepted; one without them is refused.
 */
class ShellLayoutTest extends AccountTestSupport {

    private static final Pattern META = Pattern.compile("<meta name=\"(_csrf(?:_header)?)\" content=\"([^\"]+)\"");

    @Test
    void anHtmxRequestWithTheMetaTokenInItsHeaderPassesTheCsrfCheck() throws Exception {
        MockHttpSession session = login(user(unit("Ban Tuyên giáo", null), Role.OFFICER));
        String page = mvc.perform(get("/").session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String token = null;
        String header = null;
        Matcher m = META.matcher(page);
        while (m.find()) {
            if (m.group(1).equals("_csrf")) {
                token = m.group(2);
            } else {
                header = m.group(2);
            }
        }
        assertThat(token).as("CSRF token meta tag").isNotBlank();
        assertThat(header).as("CSRF header meta tag").isNotBlank();
        assertThat(page).contains("/js/shell.js").contains("includeIndicatorStyles");

        mvc.perform(post("/logout").session(session)).andExpect(status().isForbidden());
        mvc.perform(post("/logout").session(session).header(header, token)).andExpect(status().is3xxRedirection());
    }

    @Test
    void theShellScriptIsServed() throws Exception {
        String script = mvc.perform(get("/js/shell.js")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(script).contains("htmx:configRequest").contains("_csrf_header");
    }
}
