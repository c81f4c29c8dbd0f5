package digitloop.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.GeneralCodingRules.ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/architecture.md's package table, enforced: which package may use which, stated once below;
 * no cycles; the two front ends never use each other; the engine never touches Swing or AWT and never
 * prints to the standard streams.
 */
class LayeringTest {
    /** Package (under {@code digitloop}) → the packages of ours it may use. "" is the root package (the entry point). */
    private static final Map<String, List<String>> MAY_USE = new LinkedHashMap<>();

    static {
        MAY_USE.put("files", List.of());
        MAY_USE.put("task", List.of("files"));
        MAY_USE.put("data", List.of("task", "files"));
        MAY_USE.put("model", List.of("data", "task", "files"));
        MAY_USE.put("canvas", List.of("data", "model", "task", "files"));
        MAY_USE.put("train", List.of("data", "model", "task", "files"));
        MAY_USE.put("hitl", List.of("data", "model", "canvas", "train", "task", "files"));
        MAY_USE.put("gan", List.of("data", "model", "train", "task", "files"));
        MAY_USE.put("overlay", List.of("canvas", "model"));
        MAY_USE.put("cli", List.of("data", "model", "canvas", "overlay", "train", "hitl", "gan", "task", "files"));
        MAY_USE.put("ui", List.of("data", "model", "canvas", "overlay", "train", "hitl", "gan", "task", "files"));
        MAY_USE.put("", List.of("cli", "ui", "model", "files", "train"));
    }

    /** Packages that are planned but may not exist yet. */
    private static final List<String> OPTIONAL = List.of();

    /** Below both front ends: never Swing or AWT, never standard-stream printing. */
    private static final String[] ENGINE = {"digitloop.files..", "digitloop.task..", "digitloop.data..", "digitloop.model..",
            "digitloop.canvas..", "digitloop.train..", "digitloop.hitl..", "digitloop.gan.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("digitloop");
    }

    private static String packageOf(String layer) {
        return layer.isEmpty() ? "digitloop" : "digitloop." + layer + "..";
    }

    private static String nameOf(String layer) {
        return layer.isEmpty() ? "entry point" : layer;
    }

    @Test
    void everyPackageUsesOnlyThePackagesTheTableAllows() {
        LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String layer : MAY_USE.keySet()) {
            layers = OPTIONAL.contains(layer) ? layers.optionalLayer(nameOf(layer)).definedBy(packageOf(layer))
                    : layers.layer(nameOf(layer)).definedBy(packageOf(layer));
        }
        for (Map.Entry<String, List<String>> e : MAY_USE.entrySet()) {
            String[] allowed = e.getValue().stream().map(LayeringTest::nameOf).toArray(String[]::new);
            layers = allowed.length == 0 ? layers.whereLayer(nameOf(e.getKey())).mayNotAccessAnyLayer()
                    : layers.whereLayer(nameOf(e.getKey())).mayOnlyAccessLayers(allowed);
        }
        layers.check(classes);
    }

    @Test
    void everyPackageIsInTheTable() {
        String[] known = MAY_USE.keySet().stream().map(LayeringTest::packageOf).toArray(String[]::new);
        classes().should().resideInAnyPackage(known).because("a new package needs its line in the table (docs/architecture.md)")
                .check(classes);
    }

    @Test
    void thePackagesHaveNoCycles() {
        slices().matching("digitloop.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theTwoFrontEndsNeverUseEachOther() {
        noClasses().that().resideInAPackage("digitloop.ui..").should().dependOnClassesThat().resideInAPackage("digitloop.cli..")
                .check(classes);
        noClasses().that().resideInAPackage("digitloop.cli..").should().dependOnClassesThat().resideInAPackage("digitloop.ui..")
                .check(classes);
    }

    @Test
    void theEngineNeverUsesSwingOrAwtExceptImagesInTheCanvas() {
        noClasses().that().resideInAnyPackage(ENGINE).and().resideOutsideOfPackage("digitloop.canvas..")
                .should().dependOnClassesThat().resideInAnyPackage("javax.swing..", "java.awt..")
                .check(classes);
        DescribedPredicate<JavaClass> awtButImages = DescribedPredicate.describe("are in java.awt but not java.awt.image",
                c -> c.getPackageName().startsWith("java.awt") && !c.getPackageName().startsWith("java.awt.image"));
        noClasses().that().resideInAPackage("digitloop.canvas..")
                .should().dependOnClassesThat().resideInAPackage("javax.swing..")
                .orShould().dependOnClassesThat(awtButImages)
                .check(classes);
    }

    @Test
    void onlyTheFrontEndsPrintToTheStandardStreams() {
        noClasses().that().resideInAnyPackage(ENGINE).should(ACCESS_STANDARD_STREAMS)
                .because("the engine reports through a ProgressSink and the log; the front ends decide what a person sees")
                .check(classes);
    }
}
