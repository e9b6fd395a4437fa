package vn.lantoa.notification;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;


/**
 * E-mail for notifications, when SMTP is configured ({@code spring.mail.host}: Spring Boot then provides a
 * {@link JavaMailSender}); without it, notifications stay in the app. Each notification is claimed by one instance
 * ({@code emailed_at} set where it was null) before it is sent, so several instances send it once; it goes to the
 * users of the addressed unit who asked for e-mail of that kind.
 */
@Service
public class Mailer {

    private static final Logger LOG = LoggerFactory.getLogger(Mailer.class);

    /** Notifications read per query. */
    static final int BATCH = 500;

    /** At most this many batches per run; the rest wait for the next run. */
    static final int MAX_BATCHES = 40;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ObjectProvider<JavaMailSender> sender;
    private final String from;
    private final String baseUrl;

    Mailer(JdbcClient jdbc, Clock clock, ObjectProvider<JavaMailSender> sender,
            @Value("${lantoa.notification.mail-from:Lan Tỏa <no-reply@lantoa.invalid>}") String from,
            @Value("${lantoa.notification.base-url:http://localhost:8080}") String baseUrl) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.sender = sender;
        this.from = from;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    /** Whether e-mail can be sent at all. */
    public boolean configured() {
        return sender.getIfAvailable() != null;
    }

    /** Sends what was made in the last two days and not sent yet; returns how many messages went out. */
    public int sendPending() {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            return 0;
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        int sent = 0;
        long after = 0;
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            List<Notification> pending = jdbc.sql(Notifications.COLUMNS + " " + Notifications.FROM + """
                    where n.emailed_at is null and n.created_at >= :since and n.id > :after order by n.id limit"""
                    + " " + BATCH).param("since", now.minus(2, ChronoUnit.DAYS)).param("after", after)
                    .query((rs, i) -> Notifications.map(rs, baseUrl, false)).list();
            if (pending.isEmpty()) {
                break;
            }
            after = pending.get(pending.size() - 1).id();
            sent += send(mail, pending, now);
        }
        return sent;
    }

    private int send(JavaMailSender mail, List<Notification> pending, OffsetDateTime now) {
        int sent = 0;
        for (Notification n : pending) {
            int claimed = jdbc.sql("update notification set emailed_at = :now where id = :id and emailed_at is null")
                    .param("now", now).param("id", n.id()).update();
            if (claimed == 0) {
                continue; // another instance has it
            }
            List<String> to = jdbc.sql("""
                    select p.email from notification_preference p
                    join app_user a on a.id = p.user_id
                    join notification x on x.unit_id = a.unit_id
                    where x.id = :id and a.enabled and p.by_email and p.email is not null
                      and (x.kind = 'REMINDER' and p.reminders or x.kind = 'OVERDUE' and p.overdue
                           or x.kind = 'ESCALATION' and p.escalations or x.kind = 'RESCHEDULED' and p.changes)""").param("id", n.id())
                    .query(String.class).list();
            for (String address : to) {
                SimpleMailMessage message = new SimpleMailMessage();
                message.setFrom(from);
                message.setTo(address);
                message.setSubject(subject(n));
                message.setText(n.zalo() + "\n\n-- \nLan Tỏa: " + baseUrl + "/notifications");
                try {
                    mail.send(message);
                    sent++;
                } catch (MailException e) {
                    // the notification stays in the app; a broken mail server must not stop the job
                    LOG.warn("notification {}: e-mail to one recipient failed: {}", n.id(), e.getMessage());
                }
            }
        }
        return sent;
    }

    static String subject(Notification n) {
        String what = switch (n.kind()) {
            case "REMINDER" -> n.stage().equals("D0") ? "Đến hạn hôm nay" : "Sắp đến hạn";
            case "OVERDUE" -> "Quá hạn";
            case "RESCHEDULED" -> "Đổi ngày";
            default -> "Đơn vị cấp dưới quá hạn";
        };
        String text = n.taskText() == null ? "" : n.taskText();
        return "[Lan Tỏa] " + what + ": " + (text.length() > 120 ? text.substring(0, 119) + "…" : text);
    }

}
