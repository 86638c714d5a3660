package cn.econtract.app.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Where a request came from. Outside a request (jobs, commands) both are null. */
public record RequestOrigin(String clientIp, String userAgent) {

    public static final RequestOrigin NONE = new RequestOrigin(null, null);

    public static RequestOrigin of(HttpServletRequest request) {
        return new RequestOrigin(request.getRemoteAddr(), request.getHeader("User-Agent"));
    }

    /**
     * The remote address as the servlet container sees it; behind a proxy, enable
     * {@code server.forward-headers-strategy} so the container resolves X-Forwarded-For safely.
     */
    static RequestOrigin current() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            return of(servlet.getRequest());
        }
        return NONE;
    }
}
