package dev.ferry.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The import rules of DESIGN §1: a wrong import fails the build. */
@AnalyzeClasses(packages = "dev.ferry", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String[] JDK = {"java..", "javax.."};

    @ArchTest
    static final ArchRule onlyUiAndAppUseJavaFx = noClasses()
            .that().resideOutsideOfPackages("dev.ferry.ui..", "dev.ferry.app..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("the engine, queue and stores run headless");

    @ArchTest
    static final ArchRule engineUsesOnlyJdkBouncyCastleAndSlf4j = classes()
            .that().resideInAPackage("dev.ferry.engine..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "dev.ferry.engine..", "java..", "javax..", "org.bouncycastle..", "org.slf4j..")
            .because("the engine imports nothing else of Ferry's");

    @ArchTest
    static final ArchRule securityUsesEngineBouncyCastleJackson = classes()
            .that().resideInAPackage("dev.ferry.security..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "dev.ferry.security..", "dev.ferry.engine..", "java..", "javax..", "org.bouncycastle..",
                    "com.fasterxml.jackson..", "org.slf4j..");

    @ArchTest
    static final ArchRule sitesUseEngineSecurityJackson = classes()
            .that().resideInAPackage("dev.ferry.sites..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "dev.ferry.sites..", "dev.ferry.engine..", "dev.ferry.security..", "java..", "javax..",
                    "com.fasterxml.jackson..", "org.slf4j..");

    @ArchTest
    static final ArchRule fsUsesEngine = classes()
            .that().resideInAPackage("dev.ferry.fs..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "dev.ferry.fs..", "dev.ferry.engine..", "java..", "javax..", "org.slf4j..");

    @ArchTest
    static final ArchRule transferUsesEngineFsSecuritySitesJackson = classes()
            .that().resideInAPackage("dev.ferry.transfer..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "dev.ferry.transfer..", "dev.ferry.engine..", "dev.ferry.fs..", "dev.ferry.security..",
                    "dev.ferry.sites..", "java..", "javax..", "com.fasterxml.jackson..", "org.slf4j..");

    @ArchTest
    static final ArchRule cliDoesNotUseUi = noClasses()
            .that().resideInAPackage("dev.ferry.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.ferry.ui..", "dev.ferry.app..");

    @ArchTest
    static final ArchRule onlyEntryPointsExit = noClasses()
            .that().resideOutsideOfPackages("dev.ferry.app..", "dev.ferry.cli..")
            .should().callMethod(System.class, "exit", int.class)
            .because("only the entry points end the process");

    @ArchTest
    static final ArchRule nobodyPrintsStackTraces = noClasses()
            .should().callMethod(Throwable.class, "printStackTrace")
            .because("errors are reported in words or logged");

    @ArchTest
    static final ArchRule engineStartsNoThreads = noClasses()
            .that().resideInAPackage("dev.ferry.engine..")
            .should().callConstructorWhere(com.tngtech.archunit.core.domain.JavaConstructorCall.Predicates.target(
                    com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                            com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo(Thread.class))))
            .because("one connection, one caller at a time: threads come from the transfer workers and the UI");
}
