package cn.econtract.app.identity;

import cn.econtract.app.api.ProblemResponses;
import cn.econtract.app.kernel.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: ApiKey eck_…} (or {@code X-Api-Key}) authenticates the request as the key's
 * service account, for this request only (no session). An unknown or revoked key is a 401; a client
 * over its rate gets 429 with {@code Retry-After}.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private final ApiClients clients;
    private final ProblemResponses problems;
    private final RateLimits limits;

    ApiKeyAuthenticationFilter(ApiClients clients, ProblemResponses problems, Clock clock) {
        this.clients = clients;
        this.problems = problems;
        this.limits = new RateLimits(clock);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> key = presented(request);
        if (key.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiClients.Client> client = clients.byKey(key.get());
        if (client.isEmpty()) {
            problems.write(request, response, ErrorCode.UNAUTHENTICATED, "error.apiClient.key");
            return;
        }
        long wait = limits.acquire(client.get().id(), client.get().ratePerSecond());
        if (wait > 0) {
            response.setHeader("Retry-After", Long.toString(wait));
            problems.write(request, response, ErrorCode.TOO_MANY_REQUESTS, "error.apiClient.rate");
            return;
        }
        var context = new SecurityContextImpl(new UsernamePasswordAuthenticationToken(client.get().userId(), null, List.of()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static Optional<String> presented(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "ApiKey ", 0, 7)) {
            return Optional.of(header.substring(7).strip());
        }
        return Optional.ofNullable(request.getHeader("X-Api-Key")).map(String::strip);
    }
}
