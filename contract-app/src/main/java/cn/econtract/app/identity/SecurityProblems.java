package cn.econtract.app.identity;

import cn.econtract.app.audit.OperationAction;
import cn.econtract.app.audit.OperationLogService;
import cn.econtract.app.audit.OperationRecord;
import cn.econtract.app.audit.RequestOrigin;
import cn.econtract.app.kernel.ErrorCode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/**
 * 401 and 403 answers from the security filters, which run before Spring MVC and its problem
 * handler: API callers get problem+json, browsers an error page. Every denial is logged.
 */
@Component
class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ObjectMapper json;
    private final MessageSource messages;
    private final OperationLogService log;

    SecurityProblems(ObjectMapper json, MessageSource messages, OperationLogService log) {
        this.json = json;
        this.messages = messages;
        this.log = log;
    }

    /** No {@code WWW-Authenticate: Basic} challenge: browsers must never cache Basic credentials. */
    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        write(request, response, ErrorCode.UNAUTHENTICATED, "error.unauthenticated.detail");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        Object missing = request.getAttribute(PermissionAuthorization.MISSING_PERMISSION);
        var auth = SecurityContextHolder.getContext().getAuthentication();
        log.record(OperationRecord.denied(auth == null ? null : auth.getName(), actionOf(request), "http",
                request.getMethod() + " " + request.getRequestURI(),
                missing != null ? "missing permission " + missing : e.getClass().getSimpleName()),
                RequestOrigin.of(request));
        if (wantsHtml(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        write(request, response, ErrorCode.FORBIDDEN, "error.forbidden.detail");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code, String detailKey)
            throws IOException {
        var locale = LocaleContextHolder.getLocale();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", messages.getMessage(code.titleKey(), null, code.name(), locale));
        body.put("status", code.status());
        body.put("detail", messages.getMessage(detailKey, null, "", locale));
        body.put("instance", request.getRequestURI());
        body.put("code", code.name());
        response.setStatus(code.status());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }

    static OperationAction actionOf(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return switch (request.getMethod()) {
            case "DELETE" -> OperationAction.DELETE;
            case "PUT", "PATCH" -> OperationAction.MODIFY;
            case "POST" -> uri.endsWith("/submit") ? OperationAction.SUBMIT
                    : uri.endsWith("/sign") ? OperationAction.SIGN
                    : uri.endsWith("/complete") ? OperationAction.APPROVE : OperationAction.CREATE;
            default -> uri.endsWith("/document") || uri.endsWith("/export") ? OperationAction.DOWNLOAD : OperationAction.VIEW;
        };
    }

    static boolean wantsHtml(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                && accept != null && accept.contains("text/html");
    }
}
