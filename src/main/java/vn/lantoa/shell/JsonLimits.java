package vn.lantoa.shell;

import org.springframework.boot.jackson.autoconfigure.JsonFactoryBuilderCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;

/**
 * What the API accepts as JSON (RELIABILITY.md B-API-02, A-09): duplicate keys, absurd nesting and giant strings are
 * refused before they cost anything, and a member the endpoint does not know is an error rather than silently
 * dropped — so that a client that sends {@code "status": "ISSUED"} learns it cannot, instead of believing it did.
 */
@Configuration(proxyBeanMethods = false)
class JsonLimits {

    static final int MAX_NESTING_DEPTH = 64;
    static final int MAX_STRING_LENGTH = 5_000_000;

    @Bean
    JsonFactoryBuilderCustomizer jsonReadLimits() {
        return factory -> factory.streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH).maxStringLength(MAX_STRING_LENGTH).build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }

    @Bean
    JsonMapperBuilderCustomizer strictMembers() {
        return mapper -> mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
