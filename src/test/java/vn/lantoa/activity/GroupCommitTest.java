package vn.lantoa.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Recordings waiting together are written in one transaction; a failing one fails alone (its group is rolled back and
 * each is written again on its own: nothing twice, nothing lost); each work runs as the user who submitted it; no
 * caller hears "done" before its commit.
 */
class GroupCommitTest {

    private JdbcTemplate jdbc;
    private JdbcTransactionManager transactions;
    private GroupCommit groups;
    private ExecutorService callers;
    /** The marker of the transaction each work ran in: one object per transaction. */
    private final Map<String, Object> transactionOf = new ConcurrentHashMap<>();
    private final Map<String, String> userOf = new ConcurrentHashMap<>();

    @BeforeEach
    void setUp() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:group-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        jdbc = new JdbcTemplate(ds);
        jdbc.execute("create table row_written (name varchar(20) primary key)");
        transactions = new JdbcTransactionManager(ds);
        groups = new GroupCommit(transactions, "test-group", 1, 32);
        callers = Executors.newFixedThreadPool(8);
    }

    @AfterEach
    void tearDown() {
        groups.close();
        callers.shutdownNow();
    }

    @Test
    void waitingWorksShareOneTransactionAndAFailingOneFailsAlone() throws Exception {
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        // the only writer is held inside the first work, so that the next five wait together
        Future<String> first = submit("first", () -> {
            firstRunning.countDown();
            await(releaseFirst);
        });
        assertThat(firstRunning.await(10, TimeUnit.SECONDS)).isTrue();
        List<Future<String>> waiting = new ArrayList<>();
        for (String name : List.of("a", "b", "bad", "c", "d")) {
            waiting.add(submit(name, name.equals("bad") ? () -> {
                throw new IllegalStateException("refused: bad");
            } : () -> { }));
        }
        awaitWaiting(5);
        assertThat(written()).isEmpty(); // nobody is answered before a commit
        releaseFirst.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
        for (Future<String> f : waiting) {
            if (f == waiting.get(2)) {
                assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS)).hasRootCauseInstanceOf(
                        IllegalStateException.class).hasRootCauseMessage("refused: bad");
            } else {
                assertThat(f.get(10, TimeUnit.SECONDS)).isIn("a", "b", "c", "d");
            }
        }
        // every good row once, the bad one's never
        assertThat(written()).containsExactlyInAnyOrder("first", "a", "b", "c", "d");
        // after the rollback each ran again alone: four transactions of their own
        assertThat(List.of("a", "b", "c", "d").stream().map(transactionOf::get).distinct()).hasSize(4);
        assertThat(userOf).containsEntry("a", "user-a").containsEntry("bad", "user-bad").containsEntry("d", "user-d");
    }

    @Test
    void aGroupWithoutFailureIsOneTransactionAndEachWorkRunsAsItsUser() throws Exception {
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        Future<String> first = submit("first", () -> {
            firstRunning.countDown();
            await(releaseFirst);
        });
        assertThat(firstRunning.await(10, TimeUnit.SECONDS)).isTrue();
        List<Future<String>> waiting = new ArrayList<>();
        for (String name : List.of("p", "q", "r", "s")) {
            waiting.add(submit(name, () -> { }));
        }
        awaitWaiting(4);
        releaseFirst.countDown();
        first.get(10, TimeUnit.SECONDS);
        for (Future<String> f : waiting) {
            f.get(10, TimeUnit.SECONDS);
        }
        assertThat(written()).containsExactlyInAnyOrder("first", "p", "q", "r", "s");
        Object group = transactionOf.get("p");
        assertThat(group).isNotNull().isNotSameAs(transactionOf.get("first"));
        assertThat(List.of("q", "r", "s")).allSatisfy(name -> assertThat(transactionOf.get(name)).isSameAs(group));
        assertThat(userOf).containsEntry("p", "user-p").containsEntry("q", "user-q").containsEntry("r", "user-r")
                .containsEntry("s", "user-s");
        // the writer thread keeps no caller's identity once done
        assertThat(groups.execute(1, () -> SecurityContextHolder.getContext().getAuthentication())).isNull();
    }

    @Test
    void insideATransactionTheWorkJoinsItAndGoesWithItsRollback() {
        new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(status -> {
            String name = groups.execute(1, () -> {
                jdbc.update("insert into row_written values ('joined')");
                return Thread.currentThread().getName();
            });
            assertThat(name).isEqualTo(Thread.currentThread().getName());
            status.setRollbackOnly();
        });
        assertThat(written()).isEmpty();
    }

    @Test
    void theWorksOfOneKeyAreAlwaysWrittenByTheSameWriter() throws Exception {
        GroupCommit two = new GroupCommit(transactions, "test-keyed", 2, 32);
        try {
            List<Future<String>> byKey7 = new ArrayList<>();
            List<Future<String>> byKey8 = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                byKey7.add(callers.submit(() -> two.execute(7, () -> Thread.currentThread().getName())));
                byKey8.add(callers.submit(() -> two.execute(8, () -> Thread.currentThread().getName())));
            }
            java.util.Set<String> writers7 = new java.util.HashSet<>();
            java.util.Set<String> writers8 = new java.util.HashSet<>();
            for (int i = 0; i < 20; i++) {
                writers7.add(byKey7.get(i).get(10, TimeUnit.SECONDS));
                writers8.add(byKey8.get(i).get(10, TimeUnit.SECONDS));
            }
            assertThat(writers7).hasSize(1);
            assertThat(writers8).hasSize(1).doesNotContainAnyElementsOf(writers7);
        } finally {
            two.close();
        }
    }

    @Test
    void afterCloseAWorkStillCommits() {
        groups.close();
        assertThat(groups.execute(1, () -> {
            jdbc.update("insert into row_written values ('late')");
            return TransactionSynchronizationManager.isActualTransactionActive();
        })).isTrue();
        assertThat(written()).containsExactly("late");
    }

    /** Submits, from a caller thread signed in as "user-NAME", a work that writes a row NAME and then runs more. */
    private Future<String> submit(String name, Runnable more) {
        return callers.submit(() -> {
            SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("user-" + name, ""));
            try {
                return groups.execute(1, () -> {
                    Object marker = TransactionSynchronizationManager.getResource(this);
                    if (marker == null) {
                        marker = new Object();
                        TransactionSynchronizationManager.bindResource(this, marker);
                        TransactionSynchronizationManager.registerSynchronization(
                                new org.springframework.transaction.support.TransactionSynchronization() {
                                    @Override
                                    public void afterCompletion(int status) {
                                        TransactionSynchronizationManager.unbindResource(GroupCommitTest.this);
                                    }
                                });
                    }
                    transactionOf.put(name, marker);
                    userOf.put(name, SecurityContextHolder.getContext().getAuthentication().getName());
                    jdbc.update("insert into row_written values (?)", name);
                    more.run();
                    return name;
                });
            } finally {
                SecurityContextHolder.clearContext();
            }
        });
    }

    private List<String> written() {
        return jdbc.queryForList("select name from row_written", String.class);
    }

    private void awaitWaiting(int n) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (groups.waiting() < n && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertThat(groups.waiting()).isEqualTo(n);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
