package uk.carenav;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Module boundaries: one top-level package per feature, no cycles, a framework-free scoring engine. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("uk.carenav");

    @Test
    void modulesDoNotDependOnEachOtherInACycle() {
        slices().matching("uk.carenav.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void scoringIsPlainJava() {
        noClasses().that().resideInAPackage("uk.carenav.scoring..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "com.vaadin..", "jakarta.persistence..", "org.hibernate..",
                        "jakarta.servlet..")
                .because("the scoring engine must stay deterministic and testable without a framework")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void scoringDependsOnNoOtherModuleExceptTheScenarioModel() {
        noClasses().that().resideInAPackage("uk.carenav.scoring..")
                .should().dependOnClassesThat().resideInAnyPackage("uk.carenav.base..", "uk.carenav.security..",
                        "uk.carenav.organisation..", "uk.carenav.call..", "uk.carenav.competency..",
                        "uk.carenav.coverage..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void viewsAreUsedOnlyByTheUserInterface() {
        noClasses().that().resideOutsideOfPackage("..ui..")
                .and().doNotHaveSimpleName("SecurityConfig") // names the login view, as Vaadin requires
                .should().dependOnClassesThat().resideInAPackage("..ui..")
                .because("services and domain code must not know about views")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void viewsCallServicesNotRepositories() {
        noClasses().that().resideInAPackage("..ui..")
                .should().dependOnClassesThat().areAssignableTo(org.springframework.data.repository.Repository.class)
                .check(CLASSES);
    }
}
