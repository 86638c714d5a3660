package cn.econtract.app.soap;

import cn.econtract.app.kernel.BusinessException;
import cn.econtract.app.kernel.ErrorCode;
import cn.econtract.app.kernel.InvalidFieldsException;
import cn.econtract.ws.contract.v1.ServiceFault;
import cn.econtract.ws.contract.v1.ServiceFault_Exception;
import jakarta.validation.ConstraintViolation;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Errors as SOAP faults carrying what the REST API's problem+json carries: the stable code, the
 * HTTP status it would answer with, a message in the caller's language and the invalid fields.
 * An unexpected error is logged with an id the caller can quote, never its stack trace or SQL.
 */
@Component
class SoapFaults {

    private static final Logger log = LoggerFactory.getLogger(SoapFaults.class);
    private final MessageSource messages;
    private final LocaleResolver locales;

    SoapFaults(MessageSource messages, LocaleResolver locales) {
        this.messages = messages;
        this.locales = locales;
    }

    ServiceFault_Exception of(RuntimeException e) {
        if (e instanceof InvalidFieldsException invalid) {
            ServiceFault fault = fault(ErrorCode.VALIDATION_FAILED, text("error.VALIDATION_FAILED"));
            invalid.errors().forEach(f -> fault.getFieldError().add(field(f.field(), text(f.messageKey(), f.args()))));
            return exception(fault);
        }
        if (e instanceof BusinessException business) {
            return exception(fault(business.code(), text(business.messageKey(), business.args())));
        }
        if (e instanceof AccessDeniedException) {
            return exception(fault(ErrorCode.FORBIDDEN, text("error.FORBIDDEN")));
        }
        String incident = UUID.randomUUID().toString();
        log.error("Unexpected error {} in a SOAP call", incident, e);
        return exception(fault(ErrorCode.INTERNAL_ERROR, text("error.unexpected", incident)));
    }

    ServiceFault_Exception invalid(Set<? extends ConstraintViolation<?>> violations) {
        ServiceFault fault = fault(ErrorCode.VALIDATION_FAILED, text("error.VALIDATION_FAILED"));
        violations.forEach(v -> fault.getFieldError().add(field(v.getPropertyPath().toString(), v.getMessage())));
        return exception(fault);
    }

    private ServiceFault fault(ErrorCode code, String message) {
        ServiceFault fault = new ServiceFault();
        fault.setCode(code.name());
        fault.setStatus(code.status());
        fault.setMessage(message);
        return fault;
    }

    private static ServiceFault.FieldError field(String name, String message) {
        ServiceFault.FieldError error = new ServiceFault.FieldError();
        error.setField(name);
        error.setMessage(message);
        return error;
    }

    private static ServiceFault_Exception exception(ServiceFault fault) {
        return new ServiceFault_Exception(fault.getCode() + ": " + fault.getMessage(), fault);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, locale());
    }

    /** The web UI's choice (language cookie, else Accept-Language, else Chinese): CXF's servlet is outside Spring MVC. */
    private Locale locale() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            return locales.resolveLocale(request.getRequest());
        }
        return LocaleContextHolder.getLocale();
    }
}
