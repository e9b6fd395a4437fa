package vn.lantoa.activity;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Ghi nhận theo nhóm: recordings that arrive together are written in one transaction and committed together, each
 * caller answered only once that commit is durable. With synchronous commit a transaction costs a WAL flush and a
 * round of statements of its own; a group shares them, and its counter rows move once by the group's sum (see the
 * reporting module's counters). The durability of each recording is the same as alone: its caller hears of it after
 * the commit that holds it.
 *
 * <p>A few writer threads each take what is waiting in their queue (up to {@link #maxBatch}) and write it. The works
 * of one key (a unit) always go to the same writer: one unit's counter rows are then moved by one writer after the
 * other, never by two groups at once, and no group waits for another's commit to move them. A work runs with the
 * security, request and locale context of the thread that submitted it (the audit entry names its user, address and
 * request). If the group fails — one work throws, the commit fails, the database picks the group as a deadlock's
 * victim — it is rolled back whole and each work is run again in a transaction of its own, so that one bad recording
 * fails alone with its own error and the others are written.
 *
 * <p>A work must therefore be safe to run again after a rollback: it writes rows only (no files, no other effect
 * outside the transaction).
 */
final class GroupCommit implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private final TransactionTemplate transaction;
    private final int maxBatch;
    private final List<BlockingQueue<Job<?>>> queues = new ArrayList<>();
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean closed;

    GroupCommit(PlatformTransactionManager transactions, String name, int writerThreads, int maxBatch) {
        this.transaction = new TransactionTemplate(transactions);
        this.maxBatch = maxBatch;
        for (int i = 0; i < writerThreads; i++) {
            BlockingQueue<Job<?>> queue = new LinkedBlockingQueue<>();
            queues.add(queue);
            Thread writer = new Thread(() -> write(queue), name + "-" + (i + 1));
            writer.setDaemon(true);
            writers.add(writer);
            writer.start();
        }
    }

    /**
     * Runs the work in a transaction, most likely shared with others submitted at the same moment, and returns its
     * result once that transaction has committed; throws what the work threw when run alone. Called inside a
     * transaction (a bulk entry of many rows), the work joins it instead: all or nothing stays with the caller.
     */
    <T> T execute(long key, Supplier<T> work) {
        if (closed || TransactionSynchronizationManager.isActualTransactionActive()) {
            return transaction.execute(status -> work.get());
        }
        Job<T> job = new Job<>(work);
        BlockingQueue<Job<?>> waiting = queues.get((int) Math.floorMod(key, (long) queues.size()));
        waiting.add(job);
        if (closed && waiting.remove(job)) { // closed meanwhile: the writers may be gone
            return transaction.execute(status -> work.get());
        }
        try {
            return job.result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** How many works wait for a writer. */
    int waiting() {
        return queues.stream().mapToInt(BlockingQueue::size).sum();
    }

    /** Stops taking new groups; what is waiting is still written. */
    @Override
    public void close() {
        closed = true;
        for (Thread writer : writers) {
            try {
                writer.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void write(BlockingQueue<Job<?>> waiting) {
        List<Job<?>> group = new ArrayList<>(maxBatch);
        while (!closed || !waiting.isEmpty()) {
            try {
                Job<?> first = waiting.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                waiting.drainTo(group, maxBatch - 1);
                write(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException | Error e) {
                // a writer never dies of one group: its callers have their answer already (see write(group))
                log.error("group commit: unexpected failure", e);
                group.forEach(job -> job.result.completeExceptionally(e));
            } finally {
                group.clear();
            }
        }
    }

    private void write(List<Job<?>> group) {
        if (group.size() == 1) {
            alone(group.get(0));
            return;
        }
        try {
            transaction.executeWithoutResult(status -> group.forEach(Job::runInGroup));
        } catch (RuntimeException e) {
            // rolled back whole: each again on its own, so that only the failing one fails
            group.forEach(this::alone);
            return;
        }
        group.forEach(Job::committed);
    }

    private void alone(Job<?> job) {
        try {
            transaction.executeWithoutResult(status -> job.runInGroup());
            job.committed();
        } catch (RuntimeException | Error e) {
            job.result.completeExceptionally(e);
        }
    }

    /** A work with the context of the thread that submitted it, its result kept until its transaction commits. */
    private static final class Job<T> {
        final Supplier<T> work;
        final CompletableFuture<T> result = new CompletableFuture<>();
        final SecurityContext security = SecurityContextHolder.getContext();
        final RequestAttributes request = RequestContextHolder.getRequestAttributes();
        final LocaleContext locale = LocaleContextHolder.getLocaleContext();
        T value;

        Job(Supplier<T> work) {
            this.work = work;
        }

        void runInGroup() {
            SecurityContext previousSecurity = SecurityContextHolder.getContext();
            RequestAttributes previousRequest = RequestContextHolder.getRequestAttributes();
            LocaleContext previousLocale = LocaleContextHolder.getLocaleContext();
            SecurityContextHolder.setContext(security);
            RequestContextHolder.setRequestAttributes(request);
            LocaleContextHolder.setLocaleContext(locale);
            try {
                value = work.get();
            } finally {
                SecurityContextHolder.setContext(previousSecurity);
                RequestContextHolder.setRequestAttributes(previousRequest);
                LocaleContextHolder.setLocaleContext(previousLocale);
            }
        }

        void committed() {
            result.complete(value);
        }
    }
}
