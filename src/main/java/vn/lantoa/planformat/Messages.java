package vn.lantoa.planformat;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The module's messages from {@code i18n/planformat*.properties}, read with plain {@link ResourceBundle} so that the
 * importer and the command line need no Spring. Vietnamese is the default (the base bundle).
 */
final class Messages {

    private static final String BUNDLE = "i18n.planformat";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {
    }

    static String get(String key, Object... args) {
        return get(Locale.ROOT, key, args);
    }

    static String get(Locale locale, String key, Object... args) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(BUNDLE, locale, NO_FALLBACK).getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        if (args.length == 0) {
            return pattern;
        }
        Object[] strings = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            strings[i] = String.valueOf(args[i]); // no digit grouping of years and numbers
        }
        return new MessageFormat(pattern, locale).format(strings);
    }
}
