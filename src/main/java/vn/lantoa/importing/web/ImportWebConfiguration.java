package vn.lantoa.importing.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import vn.lantoa.importing.ImportLimits;
import vn.lantoa.importing.PlanImporter;
import vn.lantoa.importing.PlanParser;

/**
 * The importer of the web application: the default limits, two workers, four waiting, then 503 IMPORT_BUSY; the
 * CPU budget and the wall-clock cap from {@code lantoa.import.timeout} and {@code lantoa.import.wall-clock-cap}
 * when they are set.
 */
@Configuration(proxyBeanMethods = false)
class ImportWebConfiguration {

    @Bean(destroyMethod = "close")
    PlanImporter planImporter(Environment environment) {
        return new PlanImporter(ImportLimits.configured(environment::getProperty), PlanParser::parse);
    }
}
