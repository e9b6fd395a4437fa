package vn.lantoa.notification;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on Spring's scheduler for the reminder job ({@code lantoa.notification.scheduled=false} idles it). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class NotificationConfiguration {
}
