package dev.waymark;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stages, in the order data flows through them: a package may use the packages before it, never one after it.
 * An import that goes back up the stages fails this test with the offending class and line.
 */
class ArchitectureTest {
    /** Each stage's package, lowest first; "" is the root package (the Pipeline that runs the stages). */
    static final List<String> STAGES = List.of(
            "diag",        // positions, diagnostics, formatters: used by all, uses none
            "model",       // the records: Site, Page, Profile...
            "content",     // load and parse: files, front matter, Markdown
            "assemble",    // content into the model
            "links",       // link resolution, shared by validate and render
            "validate",    // rules over the model
            "render",      // theme, views, HTML
            "write",       // the output folder
            "cache",       // page files kept between builds
            "check",       // any built site
            "",            // Pipeline: runs the stages
            "incremental", // rebuilds what changed
            "serve",       // dev server
            "cli");        // commands

    static JavaClasses classes() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.waymark");
    }

    static String pkg(String stage) {
        return stage.isEmpty() ? "dev.waymark" : "dev.waymark." + stage;
    }

    /** Whether a class's package belongs to a stage: the stage's package or one under it (render.view is render). */
    static boolean inStage(String packageName, String stage) {
        String p = pkg(stage);
        return packageName.equals(p) || (!stage.isEmpty() && packageName.startsWith(p + "."));
    }

    /** A class of a later stage; the root's Work (a join helper for the stages' pools) is shared by all. */
    static DescribedPredicate<JavaClass> laterThan(int index) {
        List<String> later = new ArrayList<>();
        for (int i = index + 1; i < STAGES.size(); i++) later.add(pkg(STAGES.get(i)));
        List<String> stages = STAGES.subList(index + 1, STAGES.size());
        return DescribedPredicate.describe("a class of a later stage " + later, (JavaClass c) ->
                stages.stream().anyMatch(s -> inStage(c.getPackageName(), s)) && !c.getName().equals("dev.waymark.Work"));
    }

    @Test
    void everyPackageIsAStage() {
        for (JavaClass c : classes()) {
            if (c.getPackageName().startsWith("dev.waymark.theme")) continue; // compiled templates, not ours
            assertTrue(STAGES.stream().anyMatch(s -> inStage(c.getPackageName(), s)),
                    c.getName() + " is in a package that is not a stage; add it to STAGES where its data comes in");
        }
    }

    @Test
    void noStageUsesALaterOne() {
        JavaClasses classes = classes();
        for (int i = 0; i < STAGES.size(); i++) {
            String stage = STAGES.get(i);
            noClasses().that().resideInAPackage(stage.isEmpty() ? "dev.waymark" : pkg(stage) + "..")
                    .should().dependOnClassesThat(laterThan(i))
                    .because("data flows one way: " + String.join(" → ", STAGES.stream().map(s -> s.isEmpty() ? "Pipeline" : s).toList()))
                    .check(classes);
        }
    }
}
