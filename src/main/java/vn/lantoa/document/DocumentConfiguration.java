package vn.lantoa.document;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The module's beans: the bundled profiles, read and validated at start (a broken profile stops the start). */
@Configuration(proxyBeanMethods = false)
class DocumentConfiguration {

    @Bean
    DocumentRenderer documentRenderer() {
        return new DocumentRenderer(FormatProfiles.bundled());
    }
}
