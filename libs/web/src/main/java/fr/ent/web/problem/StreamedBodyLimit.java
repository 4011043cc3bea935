package fr.ent.web.problem;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The body-size limit of a streamed body (chunked, no Content-Length), enforced while the body is
 * read: whoever reads it (a JSON reader, a resource taking an {@code InputStream}) gets the bytes
 * as they come, never a buffered copy, and the read that goes past the limit fails; the answer is
 * then a 413 problem and the connection is closed ({@link HttpProblemRoutes#bodyTooLarge}). A body
 * with a Content-Length over the limit never gets here ({@link HttpProblemRoutes}).
 */
@Provider
public class StreamedBodyLimit implements ReaderInterceptor {

    @Inject
    CurrentVertxRequest request;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        RoutingContext current = request.getCurrent();
        Object limit = current == null ? null : current.get(HttpProblemRoutes.STREAMED_LIMIT_KEY);
        if (limit instanceof Long max) {
            context.setInputStream(new Limited(context.getInputStream(), max));
        }
        return context.proceed();
    }

    /** Thrown by the read that goes past the limit; answered 413 by {@link ProblemMappers}. */
    static final class TooLarge extends IOException {
        TooLarge(long limit) {
            super("The request body exceeds the limit of " + limit + " bytes.");
        }
    }

    private static final class Limited extends FilterInputStream {
        private final long max;
        private long count;

        Limited(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long n) throws TooLarge {
            count += n;
            if (count > max) {
                throw new TooLarge(max);
            }
        }
    }
}
