package vn.lantoa.activity.storage;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.lantoa.activity.EvidenceStorage;

/** The evidence directory: {@code lantoa.evidence.dir}, by default {@code <lantoa.data-dir>/evidence}. */
@Configuration(proxyBeanMethods = false)
class EvidenceStorageConfiguration {

    @Bean
    @ConditionalOnMissingBean(EvidenceStorage.class)
    EvidenceStorage evidenceStorage(@Value("${lantoa.evidence.dir:${lantoa.data-dir:./data}/evidence}") String dir) {
        return new DirectoryEvidenceStorage(Path.of(dir));
    }
}
