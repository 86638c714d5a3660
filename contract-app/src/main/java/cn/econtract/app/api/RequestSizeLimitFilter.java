package cn.econtract.app.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
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
    private final ObjectMapper json;
    private final MessageSource messages;

    RequestSizeLimitFilter(@Value("${econtract.api.max-json-bytes:2097152}") long maxBytes, ObjectMapper json,
                           MessageSource messages) {
        this.maxBytes = maxBytes;
        this.json = json;
        this.messages = messages;
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
            var locale = LocaleContextHolder.getLocale();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", "about:blank");
            body.put("title", messages.getMessage("error.PAYLOAD_TOO_LARGE", null, locale));
            body.put("status", 413);
            body.put("detail", messages.getMessage("error.PAYLOAD_TOO_LARGE.detail", null, locale));
            body.put("instance", request.getRequestURI());
            body.put("code", "PAYLOAD_TOO_LARGE");
            response.setStatus(413);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            json.writeValue(response.getOutputStream(), body);
            return;
        }
        chain.doFilter(request, response);
    }
}
