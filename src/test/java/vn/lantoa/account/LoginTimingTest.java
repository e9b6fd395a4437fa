package vn.lantoa.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import org.junit.jupiter.api.Test;

/**
 * S-10, no user enumeration by time: a login under an unknown name costs the same Argon2 hash as a wrong password
 * for a real account. Compared within 20 % on the CPU time of the request (wall-clock time on a shared two-core
 * machine measures the neighbours more than the login), the fastest of several interleaved attempts.
 */
class LoginTimingTest extends AccountTestSupport {

    /** MockMvc runs the whole filter chain on the test's thread, so its CPU time is the work of the login. */
    private static final java.lang.management.ThreadMXBean THREAD = java.lang.management.ManagementFactory.getThreadMXBean();

    private long attempt(String username, int round) throws Exception {
        long start = THREAD.getCurrentThreadCpuTime();
        mvc.perform(post("/login").param("username", username).param("password", "không đúng chút nào " + round)
                .with(csrf()).with(request -> {
                    request.setRemoteAddr("10.99.0." + (round + 1));
                    return request;
                })).andExpect(redirectedUrl("/login?error"));
        return THREAD.getCurrentThreadCpuTime() - start;
    }

    @Test
    void anUnknownUserAndAWrongPasswordTakeTheSameTime() throws Exception {
        TestUser officer = user(unit("Phường đo giờ", null), Role.OFFICER);
        String unknown = unique("khong.ton.tai");
        attempt(unknown, 0); // warm up
        attempt(officer.username(), 0);
        long fastestUnknown = Long.MAX_VALUE;
        long fastestWrong = Long.MAX_VALUE;
        for (int round = 1; round <= 15; round++) {
            fastestUnknown = Math.min(fastestUnknown, attempt(unknown, round));
            fastestWrong = Math.min(fastestWrong, attempt(officer.username(), round));
        }
        double difference = Math.abs(fastestUnknown - fastestWrong) / (double) Math.max(fastestUnknown, fastestWrong);
        System.out.printf("login CPU time: unknown %.1f ms, wrong password %.1f ms, difference %.1f %%%n",
                fastestUnknown / 1e6, fastestWrong / 1e6, difference * 100);
        assertThat(difference).isLessThanOrEqualTo(0.20);
    }
}
