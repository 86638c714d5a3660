package cn.econtract.app.api;

import cn.econtract.app.kernel.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses API request bodies above a limit before anything reads them (Tomcat limits form posts
 * and multipart uploads only, not JSON). Uploads have their own, larger limits (multipart).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final ProblemResponses problems;

    RequestSizeLimitFilter(@Value("${econtract.api.max-json-bytes:2097152}") long maxBytes, ProblemResponses problems) {
        this.maxBytes = maxBytes;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase().startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            problems.write(request, response, ErrorCode.PAYLOAD_TOO_LARGE, "error.PAYLOAD_TOO_LARGE.detail");
            return;
        }
        chain.doFilter(request, response);
    }
}
