package vn.lantoa.shell.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/** Commons Logging goes through {@link LevelCheckingLogFactory}: no text for a level that is off, the rest as before. */
class LevelCheckingLogFactoryTest {

    /** A message that counts how often it was turned into text. */
    static final class Counted {
        final AtomicInteger renders = new AtomicInteger();

        @Override
        public String toString() {
            renders.incrementAndGet();
            return "rendered";
        }
    }

    @Test
    void aDisabledLevelNeverRendersTheMessageAndAnEnabledOneIsLoggedWithItsCaller() {
        String name = "vn.lantoa.shell.logging.test." + System.nanoTime();
        Log log = LogFactory.getLog(name);
        assertThat(log).isInstanceOf(LevelCheckingLogFactory.Slf4jLevelCheckingLog.class);
        Logger logback = (Logger) LoggerFactory.getLogger(name);
        logback.setLevel(Level.INFO);
        List<String> callers = new ArrayList<>();
        ListAppender<ILoggingEvent> appender = new ListAppender<>() {
            @Override
            protected void append(ILoggingEvent event) {
                callers.add(event.getCallerData()[0].getClassName()); // where the call was made, read while it is made
                super.append(event);
            }
        };
        appender.start();
        logback.addAppender(appender);
        try {
            Counted message = new Counted();
            log.debug(message);
            log.trace(message, new IllegalStateException());
            assertThat(message.renders).hasValue(0);
            assertThat(log.isDebugEnabled()).isFalse();

            log.info(message);
            log.error(message, new IllegalStateException("boom"));
            log.fatal("fatal");
            assertThat(message.renders).hasValue(2);
            assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage)
                    .containsExactly("rendered", "rendered", "fatal");
            assertThat(appender.list).extracting(ILoggingEvent::getLevel)
                    .containsExactly(Level.INFO, Level.ERROR, Level.ERROR);
            assertThat(appender.list.get(1).getThrowableProxy().getMessage()).isEqualTo("boom");
            assertThat(callers).containsOnly(getClass().getName());

            logback.setLevel(Level.DEBUG);
            log.debug(message);
            assertThat(message.renders).hasValue(3);
            assertThat(appender.list).hasSize(4);
        } finally {
            logback.detachAppender(appender);
        }
    }
}
