package vn.lantoa.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import vn.lantoa.audit.internal.AuditEntries;
import vn.lantoa.audit.internal.AuditEntries.NewEntry;

/**
 * Writes the audit trail (nhật ký kiểm tra). Fills in the time (UTC, from the application's {@link Clock}), the
 * actor (from the security context unless the event names one), the source IP and the request id.
 *
 * <p>Transactions: a successful action ({@link AuditOutcome#OK}) is written in the caller's transaction (just
 * before it commits, with the other entries of that transaction), so that the entry exists exactly when the change
 * does; a failure or a refusal is written in a transaction of its own,
 * so that it survives the rollback that usually follows it.
 */
@Service
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029\\u0085]");
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final AuditEntries entries;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    AuditLog(AuditEntries entries, Clock clock, PlatformTransactionManager transactions) {
        this.entries = entries;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Records an event. */
    public void record(AuditEvent event) {
        AuditActor actor = event.actor() != null ? event.actor() : currentActor();
        HttpServletRequest request = currentRequest();
        NewEntry entry = new NewEntry(clock.instant(),
                actor == null ? null : actor.auditUserId(),
                clean(actor == null ? null : actor.auditUsername(), 100),
                actor == null ? null : actor.auditUnitId(),
                clean(event.action(), 60),
                clean(event.objectType(), 60),
                clean(event.objectId(), 100),
                event.outcome().name(),
                request == null ? null : clean(request.getRemoteAddr(), 64),
                requestId(request),
                clean(event.details(), 2000));
        if (event.outcome() == AuditOutcome.OK) {
            written(entry);
        } else {
            ownTransaction.executeWithoutResult(status -> entries.insert(entry));
        }
        if (log.isDebugEnabled()) {
            log.debug("audit action={} outcome={} user={} unit={} object={}:{} ip={}", entry.action(), entry.outcome(),
                    entry.userId(), entry.unitId(), entry.objectType(), entry.objectId(), entry.sourceIp());
        }
    }

    /**
     * Writes a success entry in the caller's transaction: gathered and inserted in one batch just before it commits
     * (a transaction recording many activities writes its entries in one round trip), at once without one.
     */
    private void written(NewEntry entry) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            entries.insert(entry);
            return;
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            Pending created = new Pending();
            TransactionSynchronizationManager.bindResource(this, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    created.written = true;
                    if (!created.entries.isEmpty()) {
                        entries.insertAll(created.entries);
                    }
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(AuditLog.this);
                }
            });
            pending = created;
        }
        if (pending.written) { // an entry from another step of the commit itself: the batch has gone
            entries.insert(entry);
        } else {
            pending.entries.add(entry);
        }
    }

    /** The success entries of a transaction, until they are written just before it commits. */
    private static final class Pending {
        final List<NewEntry> entries = new ArrayList<>();
        boolean written;
    }

    /** Records a successful action on an object by the current user. */
    public void ok(String action, String objectType, Object objectId, String details) {
        record(AuditEvent.of(action, AuditOutcome.OK).object(objectType, objectId).details(details));
    }

    /** Records a refused action on an object by the current user (out of scope, not allowed). */
    public void denied(String action, String objectType, Object objectId, String details) {
        record(AuditEvent.of(action, AuditOutcome.DENIED).object(objectType, objectId).details(details));
    }

    private static AuditActor currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AuditActor actor) {
            return actor;
        }
        return null;
    }

    private static HttpServletRequest currentRequest() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes instanceof ServletRequestAttributes servlet ? servlet.getRequest() : null;
    }

    private static String requestId(HttpServletRequest request) {
        String id = MDC.get("requestId");
        if (id == null && request != null) {
            Object attribute = request.getAttribute("requestId");
            id = attribute != null ? attribute.toString() : request.getHeader("X-Request-Id");
        }
        return id != null && REQUEST_ID.matcher(id).matches() ? id : null;
    }

    /** Neutralises control characters (CR, LF, ESC …: no forged lines, AU-03) and cuts to the column's size. */
    static String clean(String text, int max) {
        if (text == null) {
            return null;
        }
        String cleaned = CONTROL.matcher(text).replaceAll("\uFFFD");
        return cleaned.length() <= max ? cleaned : cleaned.substring(0, max);
    }
}
