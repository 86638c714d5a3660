package cn.econtract.app.identity;

import cn.econtract.app.api.ProblemResponses;
import cn.econtract.app.audit.OperationAction;
import cn.econtract.app.audit.OperationLogService;
import cn.econtract.app.audit.OperationRecord;
import cn.econtract.app.audit.RequestOrigin;
import cn.econtract.app.kernel.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/**
 * 401 and 403 answers from the security filters: API callers get problem+json, browsers an error
 * page. Every denial is logged.
 */
@Component
class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ProblemResponses problems;
    private final OperationLogService log;

    SecurityProblems(ProblemResponses problems, OperationLogService log) {
        this.problems = problems;
        this.log = log;
    }

    /** No {@code WWW-Authenticate: Basic} challenge: browsers must never cache Basic credentials. */
    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        problems.write(request, response, ErrorCode.UNAUTHENTICATED, "error.unauthenticated.detail");
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
        problems.write(request, response, ErrorCode.FORBIDDEN, "error.forbidden.detail");
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
