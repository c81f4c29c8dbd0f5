package digitloop.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DESIGN.md's package table, enforced: dependencies point inward, and the engine never touches Swing. */
class LayeringTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("digitloop");
    }

    @Test
    void theEngineNeverImportsTheUiOrSwingOrAwt() {
        noClasses().that().resideInAnyPackage("digitloop.data..", "digitloop.model..", "digitloop.train..", "digitloop.hitl..")
                .should().dependOnClassesThat().resideInAnyPackage("digitloop.ui..", "javax.swing..", "java.awt..")
                .check(classes);
    }

    @Test
    void theCanvasUsesOnlyImagesFromAwt() {
        noClasses().that().resideInAPackage("digitloop.canvas..")
                .should().dependOnClassesThat().resideInAnyPackage("digitloop.ui..", "javax.swing..", "digitloop.train..",
                        "digitloop.hitl..", "digitloop.cli..")
                .check(classes);
        noClasses().that().resideInAPackage("digitloop.canvas..")
                .should().dependOnClassesThat().resideInAPackage("java.awt")
                .check(classes);
    }

    @Test
    void dataDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("digitloop.data..")
                .should().dependOnClassesThat().resideInAnyPackage("digitloop.model..", "digitloop.train..", "digitloop.hitl..",
                        "digitloop.canvas..", "digitloop.cli..", "digitloop.ui..")
                .check(classes);
    }

    @Test
    void modelDependsOnlyOnData() {
        noClasses().that().resideInAPackage("digitloop.model..")
                .should().dependOnClassesThat().resideInAnyPackage("digitloop.train..", "digitloop.hitl..", "digitloop.canvas..",
                        "digitloop.cli..", "digitloop.ui..")
                .check(classes);
    }

    @Test
    void trainDoesNotReachOutward() {
        noClasses().that().resideInAPackage("digitloop.train..")
                .should().dependOnClassesThat().resideInAnyPackage("digitloop.hitl..", "digitloop.canvas..", "digitloop.cli..",
                        "digitloop.ui..")
                .check(classes);
    }

    @Test
    void theCommandLineNeverImportsTheUi() {
        noClasses().that().resideInAPackage("digitloop.cli..").should().dependOnClassesThat().resideInAPackage("digitloop.ui..")
                .check(classes);
    }
}
