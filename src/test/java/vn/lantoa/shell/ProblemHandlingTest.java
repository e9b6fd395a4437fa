package vn.lantoa.shell;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.RestController;

import vn.lantoa.shared.Problem;

/**
 * What a caller sees when something is refused or breaks: the API answers problem+json with a stable code and a
 * Vietnamese detail, a person in the browser gets the error page with the same words, and nothing leaks a stack
 * trace or a class name.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(ProblemHandlingTest.Endpoints.class)
class ProblemHandlingTest {

    @Autowired
    MockMvc mvc;

    @Test
    void aProblemOnTheApiIsProblemJsonWithCodeAndVietnameseDetail() throws Exception {
        mvc.perform(get("/api/v1/test-problems/stale").with(user("cb")))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value("STALE_VERSION"))
                .andExpect(jsonPath("$.status").value(409))
                .andExpect(jsonPath("$.detail").value(containsString("người khác sửa trước bạn")));
    }

    @Test
    void aProblemWithoutMessageKeyKeepsItsOwnVietnameseMessage() throws Exception {
        mvc.perform(get("/api/v1/test-problems/own").with(user("cb")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("TEST_OWN_MESSAGE"))
                .andExpect(jsonPath("$.detail").value("Tệp \"kế hoạch.docx\" không đọc được."))
                .andExpect(jsonPath("$.rows[0]").value(3));
    }

    @Test
    void aProblemOnAPageIsTheErrorPageInVietnamese() throws Exception {
        mvc.perform(get("/test-problems/page").with(user("cb")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("Không tìm thấy trang hoặc dữ liệu yêu cầu.")));
    }

    @Test
    void anUnknownApiPathIsNotFoundAsProblemJson() throws Exception {
        mvc.perform(get("/api/v1/khong-co").with(user("cb")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("NOT_FOUND"));
    }

    @Test
    void anUnexpectedFailureSaysNothingAboutTheCode() throws Exception {
        mvc.perform(get("/api/v1/test-problems/boom").with(user("cb")))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.code").value("INTERNAL_ERROR"))
                .andExpect(content().string(not(containsString("IllegalStateException"))))
                .andExpect(content().string(not(containsString("secret-detail"))))
                .andExpect(content().string(not(containsString("at vn.lantoa"))));
    }

    @Test
    void malformedJsonIsABadRequest() throws Exception {
        mvc.perform(post("/api/v1/test-problems/echo").with(user("cb")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("MALFORMED_REQUEST"));
    }

    @Test
    void duplicateKeysDeepNestingAndUnknownMembersAreRefused() throws Exception {
        mvc.perform(post("/api/v1/test-problems/echo").with(user("cb")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"a\", \"name\": \"b\"}"))
                .andExpect(status().isBadRequest());
        String deep = "{\"name\": \"a\", \"extra\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        mvc.perform(post("/api/v1/test-problems/echo").with(user("cb")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(deep))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/test-problems/echo").with(user("cb")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"a\", \"status\": \"ISSUED\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/test-problems/echo").with(user("cb")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"Ủy ban\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.name").value("Ủy ban"));
    }

    @Test
    void wrongContentTypeAndWrongMethodHaveTheirCodes() throws Exception {
        mvc.perform(post("/api/v1/test-problems/echo").with(user("cb")).with(csrf())
                .contentType(MediaType.TEXT_PLAIN).content("name=a"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.code").value("UNSUPPORTED_MEDIA_TYPE"));
        mvc.perform(get("/api/v1/test-problems/echo").with(user("cb")))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(jsonPath("$.code").value("METHOD_NOT_ALLOWED"));
    }

    record Named(String name) {
    }

    @TestConfiguration
    static class Endpoints {

        @RestController
        static class ApiEndpoints {
            @GetMapping("/api/v1/test-problems/stale")
            String stale() {
                throw Problem.conflict("STALE_VERSION", "không dùng: có khóa trong tệp thông báo");
            }

            @GetMapping("/api/v1/test-problems/own")
            String own() {
                throw new Problem(422, "TEST_OWN_MESSAGE", "Tệp \"{0}\" không đọc được.",
                        java.util.Map.of("rows", java.util.List.of(3)), "kế hoạch.docx");
            }

            @GetMapping("/api/v1/test-problems/boom")
            String boom() {
                throw new IllegalStateException("secret-detail");
            }

            @PostMapping("/api/v1/test-problems/echo")
            Named echo(@RequestBody Named body) {
                return body;
            }
        }

        @Controller
        static class PageEndpoints {
            @GetMapping("/test-problems/page")
            @ResponseBody
            String page() {
                throw Problem.notFound("NOT_FOUND", "không dùng");
            }
        }
    }
}
