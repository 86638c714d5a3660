package cn.econtract.app.api;

import cn.econtract.app.crypto.EnvelopeCipher;
import cn.econtract.app.crypto.SealedValue;
import cn.econtract.app.kernel.ErrorCode;
import cn.econtract.app.kernel.Sha256;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on a POST to the API: the first answer (below 500) is kept for the caller
 * and key — sealed, as it may quote a contract — and returned again to a repeat of the same request
 * ({@code Idempotent-Replayed: true}), so a client that retries after a timeout never creates twice.
 * The same key with a different request is a 422; while the first is still running, a 409. A 5xx
 * answer is not kept: the request may be tried again. Runs after authentication (keys are per caller).
 */
@Component
@Order(0)
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{1,100}");

    private final JdbcClient jdbc;
    private final EnvelopeCipher cipher;
    private final ProblemResponses problems;
    private final Clock clock;

    IdempotencyFilter(JdbcClient jdbc, EnvelopeCipher cipher, ProblemResponses problems, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.problems = problems;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || "anonymousUser".equals(auth.getName())) {
            chain.doFilter(request, response);
            return;
        }
        String key = request.getHeader(HEADER).strip();
        if (!KEY.matcher(key).matches()) {
            problems.write(request, response, ErrorCode.VALIDATION_FAILED, "validation.idempotency.key");
            return;
        }
        String principal = auth.getName();
        boolean multipart = request.getContentType() != null && request.getContentType().startsWith("multipart/");
        byte[] body = multipart ? new byte[0] : request.getInputStream().readAllBytes();
        String hash = hash(request, body, multipart);
        Optional<Stored> stored = find(principal, key);
        if (stored.isPresent()) {
            replay(request, response, stored.get(), hash);
            return;
        }
        try {
            jdbc.sql("INSERT INTO idempotency_record (principal, idem_key, request_hash, created_at) VALUES (:p, :k, :h, :at)")
                    .param("p", principal).param("k", key).param("h", hash).param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                    .update();
        } catch (DuplicateKeyException raced) {
            replay(request, response, find(principal, key).orElseThrow(), hash);
            return;
        }
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(multipart ? request : new CachedBody(request, body), recorded);
        } finally {
            int status = recorded.getStatus();
            if (status >= 500) {
                jdbc.sql("DELETE FROM idempotency_record WHERE principal = :p AND idem_key = :k").param("p", principal).param("k", key).update();
            } else {
                jdbc.sql("UPDATE idempotency_record SET status = :s, content_type = :ct, response = :r WHERE principal = :p AND idem_key = :k")
                        .param("s", status).param("ct", recorded.getContentType())
                        .param("r", cipher.seal(recorded.getContentAsByteArray(), aad(principal, key)).encode())
                        .param("p", principal).param("k", key).update();
            }
            recorded.copyBodyToResponse();
        }
    }

    private record Stored(String principal, String key, String requestHash, Integer status, String contentType, String response) {
    }

    private Optional<Stored> find(String principal, String key) {
        return jdbc.sql("SELECT principal, idem_key, request_hash, status, content_type, response FROM idempotency_record "
                        + "WHERE principal = :p AND idem_key = :k").param("p", principal).param("k", key)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3), (Integer) rs.getObject(4), rs.getString(5),
                        rs.getString(6))).optional();
    }

    private void replay(HttpServletRequest request, HttpServletResponse response, Stored stored, String hash) throws IOException {
        if (!stored.requestHash().equals(hash)) {
            problems.write(request, response, ErrorCode.UNPROCESSABLE_DOCUMENT, "error.idempotency.reused");
        } else if (stored.status() == null) {
            problems.write(request, response, ErrorCode.STATE_CONFLICT, "error.idempotency.inProgress");
        } else {
            response.setStatus(stored.status());
            if (stored.contentType() != null) {
                response.setContentType(stored.contentType());
            }
            response.setHeader("Idempotent-Replayed", "true");
            response.getOutputStream().write(cipher.open(SealedValue.decode(stored.response()), aad(stored.principal(), stored.key())));
        }
    }

    /** Method, path, query and body — for a multipart request each part's name, file name and content. */
    private static String hash(HttpServletRequest request, byte[] body, boolean multipart) throws IOException, ServletException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes((request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString() + "\n").getBytes(StandardCharsets.UTF_8));
        if (multipart) {
            for (Part part : request.getParts()) {
                all.writeBytes((part.getName() + ":" + part.getSubmittedFileName() + "\n").getBytes(StandardCharsets.UTF_8));
                try (var in = part.getInputStream()) {
                    all.writeBytes(in.readAllBytes());
                }
            }
        } else {
            all.writeBytes(body);
        }
        return Sha256.hex(all.toByteArray());
    }

    private static byte[] aad(String principal, String key) {
        return ("idempotency:" + principal + ":" + key).getBytes(StandardCharsets.UTF_8);
    }

    /** The request with its body read once and given again to the application. */
    private static final class CachedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
