package uk.carenav.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Form sign-in through the real security filter chain: lockout, one generic failure, session fixation, headers, audit. */
@SpringBootTest(properties = {"carenav.security.max-failed-sign-ins=3", "carenav.security.lockout=10m"})
@AutoConfigureMockMvc
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SignInProtectionTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void repeatedFailuresLockTheNameWithTheSameGenericAnswer() throws Exception {
        for (int i = 0; i < 3; i++) {
            mvc.perform(formLogin("/login").user("trainee5").password("wrong-password-" + i))
                    .andExpect(redirectedUrl("/login?error"));
        }
        // Now even the right password is refused, and the answer looks the same.
        mvc.perform(formLogin("/login").user("trainee5").password("carenav-demo")).andExpect(redirectedUrl("/login?error"));
        // Other accounts are not affected.
        mvc.perform(formLogin("/login").user("trainee4").password("carenav-demo")).andExpect(redirectedUrl("/"));
        // A name that does not exist behaves exactly like one that does.
        mvc.perform(formLogin("/login").user("nobody-here").password("x")).andExpect(redirectedUrl("/login?error"));

        assertThat(jdbc.sql("select count(*) from audit_event where actor = 'trainee5' and action = 'SIGN_IN_FAILED'")
                .query(Integer.class).single()).isEqualTo(4);
        assertThat(jdbc.sql("select count(*) from audit_event where actor = 'trainee4' and action = 'SIGN_IN'")
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void signingInGivesANewSession() throws Exception {
        MockHttpSession before = new MockHttpSession();
        String idBefore = before.getId();
        MvcResult result = mvc.perform(post("/login").param("username", "trainee6").param("password", "carenav-demo")
                .with(csrf()).session(before)).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
        assertThat(result.getRequest().getSession(false).getId()).isNotEqualTo(idBefore);
    }

    @Test
    void responsesCarryTheSecurityHeaders() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(header().string("Content-Security-Policy", SecurityConfig.CONTENT_SECURITY_POLICY))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("Referrer-Policy", "same-origin"));
        mvc.perform(get("/actuator/health").secure(true))
                .andExpect(header().string("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains"));
    }
}
