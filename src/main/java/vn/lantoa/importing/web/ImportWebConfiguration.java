package vn.lantoa.importing.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.lantoa.importing.ImportLimits;
import vn.lantoa.importing.PlanImporter;
import vn.lantoa.importing.PlanParser;

/** The importer of the web application: the default limits, two workers, four waiting, then 503 IMPORT_BUSY. */
@Configuration(proxyBeanMethods = false)
class ImportWebConfiguration {

    @Bean(destroyMethod = "close")
    PlanImporter planImporter() {
        return new PlanImporter(ImportLimits.DEFAULT, PlanParser::parse);
    }
}
