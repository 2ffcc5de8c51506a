package uk.carenav.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import uk.carenav.security.ui.LoginView;

/**
 * Form sign-in through the Vaadin login view; every view and service method states the roles that
 * may use it (annotations), and everything else needs a signed-in user.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfig {
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";


    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll());
        // Vaadin needs inline styles and its client evaluates server-sent scripts; everything else is locked down.
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000))
                // No page needs the camera, microphone, location, payment or USB; read-aloud uses speech synthesis only.
                .permissionsPolicyHeader(p -> p.policy(PERMISSIONS_POLICY)));
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class));
        // A sign-in posted from another site is refused (login CSRF); oversized usernames and passwords are
        // refused before authentication, lockout and audit.
        http.addFilterBefore(new SignInOrigin(), UsernamePasswordAuthenticationFilter.class);
        http.addFilterBefore(new SignInLimits(), UsernamePasswordAuthenticationFilter.class);
        // A failed sign-in creates no session: the sign-in page reads "?error" from its address.
        http.formLogin(form -> form.withObjectPostProcessor(new ObjectPostProcessor<UsernamePasswordAuthenticationFilter>() {
            @Override
            public <O extends UsernamePasswordAuthenticationFilter> O postProcess(O filter) {
                SimpleUrlAuthenticationFailureHandler failure = new SimpleUrlAuthenticationFailureHandler(SignInLimits.FAILURE_URL);
                failure.setAllowSessionCreation(false);
                filter.setAuthenticationFailureHandler(failure);
                return filter;
            }
        }));
        return http.build();
    }

    /** Stores bcrypt hashes tagged with their algorithm, so the algorithm can change later. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
