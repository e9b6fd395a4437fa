package vn.lantoa.plan;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The module's Vietnamese texts from {@code i18n/plan.properties} for what is built outside a request's message
 * source (violations of a submitted plan, the list of what an issue lacks): the API answers in Vietnamese.
 */
final class PlanMessages {

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private PlanMessages() {
    }

    static String get(String key, Object... args) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle("i18n.plan", Locale.ROOT, NO_FALLBACK).getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        if (args.length == 0) {
            return pattern;
        }
        Object[] strings = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            strings[i] = String.valueOf(args[i]);
        }
        return new MessageFormat(pattern, Locale.ROOT).format(strings);
    }
}
