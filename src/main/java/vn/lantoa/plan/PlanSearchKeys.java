package vn.lantoa.plan;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Fills the event and phase keys (the list's filters) of plans stored before they existed, once, when the
 * application starts; every save writes them from then on.
 */
@Component
class PlanSearchKeys {

    private final Plans plans;

    PlanSearchKeys(Plans plans) {
        this.plans = plans;
    }

    @EventListener(ApplicationReadyEvent.class)
    void fill() {
        plans.withoutKeys().forEach(plans::writeKeys);
    }
}
