package uk.carenav;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;

/** Module boundaries: one top-level package per feature, no cycles, a framework-free scoring engine. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("uk.carenav");

    @Test
    void modulesDoNotDependOnEachOtherInACycle() {
        slices().matching("uk.carenav.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    /** Features, bottom to top; a module may use only those below it (and {@code base}, the ground floor). */
    private static final String[] FEATURES = {"system", "organisation", "scenario", "scoring", "conversation",
            "security", "directory", "review", "call", "shift", "competency", "coverage"};

    @Test
    void theGroundFloorDependsOnNoFeature() {
        noClasses().that().resideInAPackage("uk.carenav.base..")
                .should().dependOnClassesThat().resideInAnyPackage(packages(FEATURES))
                .because("base is the kernel and shell every feature stands on")
                .check(CLASSES);
    }

    @Test
    void scenariosAndStaffAreBlindToEachOther() {
        noClasses().that().resideInAPackage("uk.carenav.scenario..")
                .should().dependOnClassesThat().resideInAnyPackage(packages(Arrays.stream(FEATURES)
                        .filter(m -> !m.equals("scenario")).toArray(String[]::new)))
                .because("the scenario library depends only on base")
                .check(CLASSES);
        noClasses().that().resideInAPackage("uk.carenav.organisation..")
                .should().dependOnClassesThat().resideInAnyPackage(packages("scenario", "scoring", "conversation",
                        "security", "directory", "review", "call", "shift", "competency", "coverage"))
                .because("areas, practices and staff need nothing above them (backups, in system, sit below)")
                .check(CLASSES);
    }

    @Test
    void noModuleUsesOneAboveIt() {
        for (int i = 0; i < FEATURES.length; i++) {
            String[] above = Arrays.copyOfRange(FEATURES, i + 1, FEATURES.length);
            if (above.length > 0) {
                noClasses().that().resideInAPackage("uk.carenav." + FEATURES[i] + "..")
                        .should().dependOnClassesThat().resideInAnyPackage(packages(above))
                        .check(CLASSES);
            }
        }
    }

    private static String[] packages(String... modules) {
        return Arrays.stream(modules).map(m -> "uk.carenav." + m + "..").toArray(String[]::new);
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
                .should().dependOnClassesThat().areAssignableTo(Repository.class)
                .check(CLASSES);
    }
}
