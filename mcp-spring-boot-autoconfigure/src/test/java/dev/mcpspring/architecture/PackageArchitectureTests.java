package dev.mcpspring.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package graph of the runtime: no cycles, and runtime packages never reach into the
 * auto-configuration.
 *
 * @author MCP Spring Boot team
 */
class PackageArchitectureTests {

	private static final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.mcpspring");

	@Test
	void packagesAreFreeOfCycles() {
		slices().matching("dev.mcpspring.(**)").should().beFreeOfCycles().check(classes);
	}

	@Test
	void runtimeDoesNotDependOnAutoConfiguration() {
		noClasses().that()
			.resideOutsideOfPackage("dev.mcpspring.autoconfigure..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.mcpspring.autoconfigure..")
			.check(classes);
	}

}
