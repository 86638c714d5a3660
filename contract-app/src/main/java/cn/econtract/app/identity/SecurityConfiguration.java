package cn.econtract.app.identity;

import static org.springframework.security.web.util.matcher.AntPathRequestMatcher.antMatcher;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Who may reach what. Three chains: the engine REST API (Basic only, stateless), Camunda's webapps
 * (our login, Camunda's own CSRF and CSP), and everything else (deny by default).
 */
@Configuration(proxyBeanMethods = false)
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
class SecurityConfiguration {

    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** Browsers never send an Authorization header by themselves (we send no Basic challenge). */
    /** Credentials in a header (Basic, an API key) carry no ambient authority a page could forge: no CSRF token. */
    private static final RequestMatcher HAS_AUTHORIZATION_HEADER = r -> r.getHeader("Authorization") != null || r.getHeader("X-Api-Key") != null;

    @Bean
    AuthenticationManager authenticationManager(DirectoryAuthenticationProvider provider,
                                                ApplicationEventPublisher events) {
        ProviderManager manager = new ProviderManager(provider);
        manager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
        return manager;
    }

    /**
     * No Spring Security observations: switched off in application.yml they were no-ops, but every
     * filter of every request was still wrapped and named for them (bench/RESULTS.md).
     * {@code http.server.requests} still times every request.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    // Engine REST and the webapps are served by Jersey servlets and filters, not Spring MVC's
    // DispatcherServlet: their chains match plain Ant paths.

    /** Camunda Modeler and scripts deploy here with Basic credentials; Camunda authorizations then apply. */
    @Bean
    @Order(1)
    SecurityFilterChain engineRest(HttpSecurity http, SecurityProblems problems, AuthenticationManager manager)
            throws Exception {
        return credentialsOnEveryCall(http.securityMatcher(antMatcher("/engine-rest/**")), problems, manager)
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .build();
    }

    /**
     * SOAP for OA systems: one address for every operation, so the route only asks who calls and
     * each operation checks its permission as the REST route does. Basic or API key on each call.
     */
    @Bean
    @Order(0)
    SecurityFilterChain soapServices(HttpSecurity http, SecurityProblems problems, AuthenticationManager manager, ApiClients apiClients,
                                     cn.econtract.app.api.ProblemResponses problemResponses, java.time.Clock clock) throws Exception {
        return credentialsOnEveryCall(http.securityMatcher(antMatcher("/services/**")), problems, manager)
                .addFilterBefore(new ApiKeyAuthenticationFilter(apiClients, problemResponses, clock),
                        org.springframework.security.web.authentication.www.BasicAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .build();
    }

    /** Tasklist, Cockpit, Admin: single sign-on with our login; Camunda keeps its own CSRF filter and CSP. */
    @Bean
    @Order(2)
    SecurityFilterChain camundaWebapps(HttpSecurity http, SecurityProblems problems, AuthenticationManager manager,
                                       SessionRegistry sessions) throws Exception {
        return http.securityMatcher(antMatcher("/camunda/**"))
                .authenticationManager(manager)
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(problems, antMatcher("/camunda/api/**"))
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), r -> true)
                        .accessDeniedHandler(problems))
                // Camunda's logout button ends the shared session, so it logs out of our UI too
                .logout(l -> l.logoutRequestMatcher(antMatcher(HttpMethod.POST, "/camunda/api/admin/auth/user/*/logout"))
                        .invalidateHttpSession(true).deleteCookies("JSESSIONID")
                        .logoutSuccessHandler((req, res, auth) -> res.setStatus(200)))
                .sessionManagement(s -> s.maximumSessions(-1).sessionRegistry(sessions))
                .csrf(c -> c.disable())
                .headers(h -> h.frameOptions(f -> f.sameOrigin()))
                .build();
    }

    /**
     * Callers that bring their credentials on every request (an API key, HTTP Basic): the same
     * routes, but no session. Before this chain each such call opened a session and registered it
     * for the user — a service account collected thousands, and registering the next one cost a
     * scan of them all (a fifth of the API's CPU at 300 calls/s, bench/RESULTS.md).
     */
    @Bean
    @Order(3)
    SecurityFilterChain credentialedCalls(HttpSecurity http, SecurityProblems problems, AccessService access,
                                          AuthenticationManager manager, ApiClients apiClients,
                                          cn.econtract.app.api.ProblemResponses problemResponses, java.time.Clock clock) throws Exception {
        return credentialsOnEveryCall(http.securityMatcher(HAS_AUTHORIZATION_HEADER), problems, manager)
                .addFilterBefore(new ApiKeyAuthenticationFilter(apiClients, problemResponses, clock),
                        org.springframework.security.web.authentication.www.BasicAuthenticationFilter.class)
                .authorizeHttpRequests(a -> routes(a, access))
                .headers(SecurityConfiguration::headers)
                .build();
    }

    /** People in the browser: the login form and a session. */
    @Bean
    @Order(4)
    SecurityFilterChain application(HttpSecurity http, SecurityProblems problems, AccessService access,
                                    AuthenticationManager manager, SessionRegistry sessions) throws Exception {
        http.authenticationManager(manager)
                .authorizeHttpRequests(a -> routes(a, access))
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).failureUrl("/login?error").permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout")
                        .invalidateHttpSession(true).deleteCookies("JSESSIONID"))
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                r -> SecurityProblems.wantsHtml(r))
                        .defaultAuthenticationEntryPointFor(problems, r -> true)
                        .accessDeniedHandler(problems))
                .sessionManagement(s -> s
                        .sessionFixation(f -> f.changeSessionId())
                        .maximumSessions(-1).sessionRegistry(sessions).expiredUrl("/login?expired"))
                .csrf(c -> c.ignoringRequestMatchers(antMatcher(HttpMethod.POST, "/pki/ocsp"),
                        // no ambient authority to forge: the token in the path is the only credential
                        antMatcher("/api/v1/external-signing/**")))
                .headers(SecurityConfiguration::headers);
        return http.build();
    }

    /**
     * Basic credentials (or an API key) on each request, answered with problem+json: no session,
     * and so no ambient credential a CSRF token would have to guard.
     */
    private static HttpSecurity credentialsOnEveryCall(HttpSecurity http, SecurityProblems problems, AuthenticationManager manager)
            throws Exception {
        return http.authenticationManager(manager)
                .httpBasic(b -> b.authenticationEntryPoint(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable());
    }

    private static void headers(org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity> h) {
        h.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                .frameOptions(f -> f.deny())
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .xssProtection(x -> x.headerValue(XXssProtectionHeaderWriter.HeaderValue.DISABLED))
                .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=()"))
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000));
    }

    /** Deny by default: a route not listed here answers 403, however authenticated the caller is. */
    private static void routes(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a,
                               AccessService access) {
        a.requestMatchers("/login", "/error", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
                        "/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                // relying parties check signatures without an account: CA certificates, CRL, OCSP
                .requestMatchers(HttpMethod.GET, "/pki/root-ca.crt", "/pki/issuing-ca.crt", "/pki/crl").permitAll()
                .requestMatchers(HttpMethod.POST, "/pki/ocsp").permitAll()
                .requestMatchers("/actuator/**").access(needs(access, Permission.ADMIN))
                .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").authenticated()
                .requestMatchers("/api/v1/me", "/api/v1/me/**").authenticated()
                .requestMatchers("/api/v1/audit/**", "/audit", "/audit/**").access(needs(access, Permission.AUDIT_READ))
                .requestMatchers("/api/v1/admin/**", "/admin/**", "/api/v1/notifications/outbox").access(needs(access, Permission.ADMIN))
                .requestMatchers(HttpMethod.GET, "/api/v1/contracts/*/document.docx").access(needs(access, Permission.CONTRACT_EXPORT))
                .requestMatchers(HttpMethod.GET, "/api/v1/contracts/*/evidence-package").access(needs(access, Permission.CONTRACT_EXPORT))
                .requestMatchers(HttpMethod.POST, "/tsa", "/api/v1/signatures/verify").authenticated()
                .requestMatchers(HttpMethod.GET, "/api/v1/contracts", "/api/v1/contracts/**", "/contracts", "/contracts/**")
                        .access(needs(access, Permission.CONTRACT_VIEW))
                .requestMatchers(HttpMethod.POST, "/api/v1/contracts", "/api/v1/contracts/upload", "/contracts/new")
                        .access(needs(access, Permission.CONTRACT_CREATE))
                .requestMatchers(HttpMethod.PUT, "/api/v1/contracts/*/draft").access(needs(access, Permission.CONTRACT_EDIT))
                .requestMatchers(HttpMethod.POST, "/api/v1/contracts/*/preview").access(needs(access, Permission.CONTRACT_EDIT))
                .requestMatchers(HttpMethod.GET, "/api/v1/templates", "/api/v1/templates/**", "/templates", "/templates/**",
                        "/api/v1/clauses", "/api/v1/clauses/**").access(needs(access, Permission.TEMPLATE_USE, Permission.TEMPLATE_EDIT))
                .requestMatchers(HttpMethod.POST, "/api/v1/templates/*/versions/*/publish", "/api/v1/templates/*/versions/*/retire")
                        .access(needs(access, Permission.TEMPLATE_PUBLISH))
                .requestMatchers(HttpMethod.PUT, "/api/v1/templates/*/rules").access(needs(access, Permission.TEMPLATE_PUBLISH))
                .requestMatchers(HttpMethod.POST, "/api/v1/templates", "/api/v1/templates/import", "/api/v1/templates/*/versions",
                        "/api/v1/clauses").access(needs(access, Permission.TEMPLATE_EDIT))
                .requestMatchers(HttpMethod.PUT, "/api/v1/templates/*/versions/*").access(needs(access, Permission.TEMPLATE_EDIT))
                .requestMatchers(HttpMethod.DELETE, "/api/v1/contracts/*").access(needs(access, Permission.CONTRACT_DELETE))
                .requestMatchers(HttpMethod.PUT, "/api/v1/contracts/*").access(needs(access, Permission.CONTRACT_EDIT))
                .requestMatchers(HttpMethod.PUT, "/api/v1/contracts/*/tags").access(needs(access, Permission.CONTRACT_EDIT))
                .requestMatchers(HttpMethod.POST, "/api/v1/contracts/*/attachments").access(needs(access, Permission.CONTRACT_EDIT))
                .requestMatchers(HttpMethod.POST, "/api/v1/contracts/*/obligations", "/api/v1/contracts/*/obligations/confirm",
                        "/api/v1/contracts/*/obligations/*/dismiss",
                        "/api/v1/contracts/*/obligations/*/fulfil", "/api/v1/contracts/*/anchors").access(needs(access, Permission.CONTRACT_EDIT))
                .requestMatchers(HttpMethod.PUT, "/api/v1/contracts/*/obligations/*").access(needs(access, Permission.CONTRACT_EDIT))
                .requestMatchers(HttpMethod.DELETE, "/api/v1/contracts/*/attachments/*").access(needs(access, Permission.CONTRACT_EDIT))
                .requestMatchers(HttpMethod.GET, "/api/v1/search", "/search").access(needs(access, Permission.CONTRACT_VIEW))
                .requestMatchers(HttpMethod.GET, "/api/v1/fulfilment/dashboard", "/fulfilment").access(needs(access, Permission.CONTRACT_VIEW))
                .requestMatchers(HttpMethod.GET, "/api/v1/archives", "/api/v1/archives/**", "/archives", "/archives/**")
                        .access(needs(access, Permission.ARCHIVE_READ, Permission.ARCHIVE_BORROW, Permission.ARCHIVE_MANAGE))
                .requestMatchers(HttpMethod.POST, "/api/v1/archives").access(needs(access, Permission.ARCHIVE_MANAGE))
                .requestMatchers(HttpMethod.POST, "/api/v1/archives/*/borrowings").access(needs(access, Permission.ARCHIVE_BORROW))
                .requestMatchers(HttpMethod.GET, "/", "/tasks", "/profile").authenticated()
                .requestMatchers(HttpMethod.POST, "/api/v1/contracts/*/submit", "/api/v1/contracts/*/withdraw")
                        .access(needs(access, Permission.CONTRACT_SUBMIT))
                // tasks: the engine's candidate rules decide who holds one; the service checks it per task
                .requestMatchers(HttpMethod.GET, "/api/v1/tasks", "/api/v1/tasks/*").authenticated()
                .requestMatchers(HttpMethod.POST, "/api/v1/tasks/*/complete", "/api/v1/tasks/*/transfer",
                        "/api/v1/tasks/*/approvers").authenticated()
                .requestMatchers(HttpMethod.POST, "/profile/logout-everywhere").authenticated()
                // signing: the drafter arranges; each signer's task is checked per task by the signing desk
                .requestMatchers(HttpMethod.POST, "/api/v1/contracts/*/signing").access(needs(access, Permission.CONTRACT_SUBMIT))
                .requestMatchers("/api/v1/signing/**", "/signing", "/verify").authenticated()
                // a counterparty's signer has no account: the link's one-time token is the credential
                .requestMatchers("/api/v1/external-signing/**", "/sign/*").permitAll()
                .requestMatchers(HttpMethod.GET, "/api/v1/seals", "/api/v1/seals/*/image")
                        .access(needs(access, Permission.SEAL_USE, Permission.ADMIN))
                .requestMatchers(HttpMethod.POST, "/api/v1/seals", "/api/v1/seals/upload").access(needs(access, Permission.ADMIN))
                .anyRequest().denyAll();
    }

    private static PermissionAuthorization needs(AccessService access, Permission... anyOf) {
        return new PermissionAuthorization(access, anyOf);
    }
}
