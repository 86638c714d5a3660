package cn.econtract.app.api;

import cn.econtract.app.crypto.TamperedDataException;
import cn.econtract.app.kernel.BusinessException;
import cn.econtract.app.kernel.ErrorCode;
import cn.econtract.app.kernel.InvalidFieldsException;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as RFC 9457 problem+json with a stable {@code code}, field errors for validation,
 * and never a stack trace or SQL: unexpected errors are logged with an id the client can quote.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private final MessageSource messages;

    ApiExceptionHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(BusinessException.class)
    ResponseEntity<Object> business(BusinessException e) {
        ProblemDetail problem = problem(e.code(), text(e.messageKey(), e.args()));
        return ResponseEntity.status(e.code().status()).body(problem);
    }

    @ExceptionHandler(InvalidFieldsException.class)
    ResponseEntity<Object> invalidFields(InvalidFieldsException e) {
        return validation(e.errors().stream()
                .map(f -> new FieldProblem(f.field(), text(f.messageKey(), f.args()))).toList());
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraint(ConstraintViolationException e) {
        List<FieldProblem> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldProblem(leaf(v.getPropertyPath().toString()), v.getMessage())).toList();
        return validation(errors);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        return validation(List.of(new FieldProblem(e.getName(), text("validation.typeMismatch"))));
    }

    @ExceptionHandler(TamperedDataException.class)
    ResponseEntity<Object> tampered(TamperedDataException e) {
        String incident = java.util.UUID.randomUUID().toString();
        log.error("Integrity failure {}: {}", incident, e.getMessage());
        ProblemDetail problem = problem(ErrorCode.INTERNAL_ERROR, text("error.integrity", incident));
        return ResponseEntity.status(500).body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        String incident = java.util.UUID.randomUUID().toString();
        log.error("Unexpected error {}", incident, e);
        ProblemDetail problem = problem(ErrorCode.INTERNAL_ERROR, text("error.unexpected", incident));
        return ResponseEntity.status(500).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldProblem(f.getField(), messages.getMessage(f, locale()))).toList();
        return validation(errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> new FieldProblem(
                        r.getMethodParameter().getParameterName(), messages.getMessage(err, locale()))))
                .toList();
        return validation(errors);
    }

    /** Spring's own exceptions (bad JSON, wrong method, unknown path …) get our code and localised title. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, @Nullable Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ErrorCode code = switch (status.value()) {
            case 400 -> ErrorCode.MALFORMED_REQUEST;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            default -> status.is5xxServerError() ? ErrorCode.INTERNAL_ERROR : ErrorCode.MALFORMED_REQUEST;
        };
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setTitle(text(code.titleKey()));
        problem.setDetail(text("error." + code.name() + ".detail"));
        problem.setProperty("code", code.name());
        return new ResponseEntity<>(problem, headers, status);
    }

    private ResponseEntity<Object> validation(List<FieldProblem> errors) {
        ProblemDetail problem = problem(ErrorCode.VALIDATION_FAILED, text("error.VALIDATION_FAILED.detail"));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    private ProblemDetail problem(ErrorCode code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.valueOf(code.status()));
        problem.setTitle(text(code.titleKey()));
        problem.setDetail(detail);
        problem.setProperty("code", code.name());
        return problem;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    private static String leaf(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    /** One invalid field: its name and what is wrong with it. */
    record FieldProblem(String field, String message) {
    }

}
