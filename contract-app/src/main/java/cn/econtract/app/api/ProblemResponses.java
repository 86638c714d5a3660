package cn.econtract.app.api;

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
import org.springframework.stereotype.Component;

/**
 * Writes RFC 9457 problem+json from servlet filters, which answer before Spring MVC and its
 * {@code ApiExceptionHandler} are reached; same fields, codes and localised titles.
 */
@Component
public class ProblemResponses {

    private final ObjectMapper json;
    private final MessageSource messages;

    ProblemResponses(ObjectMapper json, MessageSource messages) {
        this.json = json;
        this.messages = messages;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code, String detailKey)
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
}
