package cn.econtract.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Package by feature (DESIGN §5), kept true by the build. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.econtract");
    }

    @Test
    void repositoriesAreUsedOnlyInsideTheirFeature() {
        classes().that().haveSimpleNameEndingWith("Repository")
                .should(new ArchCondition<>("be accessed only from their own feature package") {
                    @Override
                    public void check(JavaClass repository, ConditionEvents events) {
                        repository.getAccessesToSelf().stream()
                                .filter(access -> !access.getOriginOwner().getPackageName().equals(repository.getPackageName()))
                                .forEach(access -> events.add(SimpleConditionEvent.violated(access, access.getDescription())));
                    }
                })
                .check(classes);
    }

    @Test
    void repositoriesAreNotPublic() {
        classes().that().haveSimpleNameEndingWith("Repository").should().notBePublic().check(classes);
    }

    @Test
    void featuresDoNotDependOnTheWebLayer() {
        noClasses().that().resideOutsideOfPackage("cn.econtract.app.web..")
                .and().resideOutsideOfPackage("cn.econtract.app")
                .should().dependOnClassesThat().resideInAPackage("cn.econtract.app.web..")
                .check(classes);
    }

    @Test
    void featuresHaveNoCycles() {
        slices().matching("cn.econtract.app.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void delegatesDependOnTheEngineNotOnTheApplication() {
        noClasses().that().resideInAPackage("cn.econtract.delegates..")
                .should().dependOnClassesThat().resideInAPackage("cn.econtract.app..")
                // the delegates module fills with the approval issue; the rule guards it from the first class on
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void kernelDependsOnNoFeatureAndNoFramework() {
        classes().that().resideInAPackage("cn.econtract.app.kernel..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "cn.econtract.app.kernel..")
                .check(classes);
    }

    @Test
    void noFieldInjection() {
        fields().should().notBeAnnotatedWith(Autowired.class).check(classes);
    }

    @Test
    void onlyTheCryptoFeatureTouchesCiphers() {
        noClasses().that().resideOutsideOfPackages("cn.econtract.app.crypto..")
                .should().dependOnClassesThat().haveFullyQualifiedName("javax.crypto.Cipher")
                .check(classes);
    }
}
