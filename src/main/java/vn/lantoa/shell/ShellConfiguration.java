package vn.lantoa.shell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.TreeSet;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

/** The pieces of the shell that every module relies on. */
@Configuration(proxyBeanMethods = false)
class ShellConfiguration {

    /** Vietnamese is the language of the product; English files exist for translators and tests. */
    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    /**
     * One message source over every module's bundle in {@code i18n/}: each module owns its file, so that modules
     * never edit one shared file.
     */
    @Bean
    MessageSource messageSource() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames(bundleBasenames());
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setDefaultLocale(VIETNAMESE);
        source.setUseCodeAsDefaultMessage(false);
        return source;
    }

    /** The base names of all bundles under {@code classpath*:i18n/}: "i18n/shell", "i18n/organization" … */
    static String[] bundleBasenames() {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties");
            TreeSet<String> names = new TreeSet<>();
            Arrays.stream(resources).map(Resource::getFilename).filter(n -> n != null)
                    .map(n -> n.substring(0, n.length() - ".properties".length()))
                    .map(n -> n.replaceFirst("_[a-z]{2}(_[A-Z]{2})?$", ""))
                    .forEach(n -> names.add("i18n/" + n));
            return names.toArray(String[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Bean
    LocaleResolver localeResolver() {
        return new FixedLocaleResolver(VIETNAMESE);
    }

    /** The clock of the application: tests replace it to stand on a deadline's boundary. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
