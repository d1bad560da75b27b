package dev.waymark;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting on work submitted to a stage's pool: a task's own exception comes back as it was thrown. */
public final class Work {
    private Work() {
    }

    public static <T> T join(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }
}
