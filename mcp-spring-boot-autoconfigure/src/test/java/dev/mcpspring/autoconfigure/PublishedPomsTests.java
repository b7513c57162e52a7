package dev.mcpspring.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the bill of materials in step with the build: it has no parent (importing it must
 * not import the build's dependency management), so its version and the metadata Maven
 * Central requires are checked here against the parent's, and it must list every
 * published module. The enforcer plugin checks the modules that inherit the parent.
 */
class PublishedPomsTests {

	private static final Path ROOT = Path.of("..");

	private static final String BOM = "mcp-spring-boot-dependencies";

	private static final List<String> METADATA = List.of("name", "description", "url", "licenses/license/name",
			"licenses/license/url", "developers/developer/name", "scm/url", "scm/connection", "scm/developerConnection",
			"issueManagement/url");

	private static final List<String> SHARED_METADATA = List.of("url", "inceptionYear", "licenses/license/name",
			"licenses/license/url", "developers/developer/id", "scm/url", "scm/connection", "scm/developerConnection",
			"issueManagement/url");

	private final XPath xpath = XPathFactory.newInstance().newXPath();

	@Test
	void bomHasTheVersionOfTheBuild() throws Exception {
		Document parent = read(ROOT.resolve("pom.xml"));
		Document bom = read(ROOT.resolve(BOM).resolve("pom.xml"));
		assertThat(text(bom, "/project/parent")).as("the BOM must not have a parent").isEmpty();
		assertThat(text(bom, "/project/version")).isEqualTo(text(parent, "/project/version"));
		assertThat(text(bom, "/project/groupId")).isEqualTo(text(parent, "/project/groupId"));
	}

	@Test
	void bomHasTheMetadataOfTheParent() throws Exception {
		Document parent = read(ROOT.resolve("pom.xml"));
		Document bom = read(ROOT.resolve(BOM).resolve("pom.xml"));
		for (String element : METADATA) {
			assertThat(text(bom, "/project/" + element)).as("BOM %s", element).isNotBlank();
			assertThat(text(parent, "/project/" + element)).as("parent %s", element).isNotBlank();
		}
		for (String element : SHARED_METADATA) {
			assertThat(text(bom, "/project/" + element)).as("BOM %s", element)
				.isEqualTo(text(parent, "/project/" + element));
		}
	}

	@Test
	void bomListsEveryPublishedModule() throws Exception {
		Document bom = read(ROOT.resolve(BOM).resolve("pom.xml"));
		List<String> managed = new ArrayList<>();
		NodeList dependencies = nodes(bom, "/project/dependencyManagement/dependencies/dependency");
		for (int i = 0; i < dependencies.getLength(); i++) {
			Node dependency = dependencies.item(i);
			assertThat(text(dependency, "version")).isEqualTo("${project.version}");
			managed.add(text(dependency, "artifactId"));
		}
		assertThat(managed).containsExactlyInAnyOrderElementsOf(publishedModules());
	}

	private List<String> publishedModules() throws Exception {
		List<String> published = new ArrayList<>();
		NodeList modules = nodes(read(ROOT.resolve("pom.xml")), "/project/modules/module");
		for (int i = 0; i < modules.getLength(); i++) {
			Document module = read(ROOT.resolve(modules.item(i).getTextContent()).resolve("pom.xml"));
			boolean deployed = !"true".equals(text(module, "/project/properties/maven.deploy.skip"));
			boolean bom = BOM.equals(text(module, "/project/artifactId"));
			if (deployed && !bom) {
				published.add(text(module, "/project/artifactId"));
			}
		}
		return published;
	}

	private static Document read(Path pom) throws Exception {
		assertThat(pom).exists();
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		try (var input = Files.newInputStream(pom)) {
			return factory.newDocumentBuilder().parse(input);
		}
	}

	private String text(Object context, String expression) throws Exception {
		return ((String) this.xpath.evaluate(expression, context, XPathConstants.STRING)).strip();
	}

	private NodeList nodes(Object context, String expression) throws Exception {
		return (NodeList) this.xpath.evaluate(expression, context, XPathConstants.NODESET);
	}

}
