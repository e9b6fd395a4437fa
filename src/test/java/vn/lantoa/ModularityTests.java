package vn.lantoa;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The module structure holds: no module reaches into another's internals, no cycles between modules; and the
 * plain-Java modules (the plan format, the importer's core, the shared helpers) stay free of Spring, so that the
 * command line and the benchmarks run them without the application.
 */
class ModularityTests {

    static final ApplicationModules modules = ApplicationModules.of(LanToaApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void planFormatImporterAndSharedHelpersArePlainJava() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vn.lantoa");
        noClasses().that().resideInAnyPackage("vn.lantoa.planformat..", "vn.lantoa.shared..")
                .or().resideInAPackage("vn.lantoa.importing").should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "jakarta.servlet..")
                .because("the importer and the plan format run from the command line without Spring")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
