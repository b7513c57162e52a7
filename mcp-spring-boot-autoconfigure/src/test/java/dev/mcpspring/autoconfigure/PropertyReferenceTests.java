package dev.mcpspring.autoconfigure;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps {@code docs/properties.md} in step with the generated configuration metadata,
 * which is the source of the property reference. Run with {@code -Dmcp.docs.update=true}
 * to rewrite the page.
 */
class PropertyReferenceTests {

	private static final Path PAGE = Path.of("..", "docs", "properties.md");

	@Test
	void propertyReferenceMatchesConfigurationMetadata() throws IOException {
		String expected = render(readOwnMetadata());
		if (Boolean.getBoolean("mcp.docs.update")) {
			Files.writeString(PAGE, expected, StandardCharsets.UTF_8);
		}
		assertThat(Files.readString(PAGE, StandardCharsets.UTF_8))
			.as("docs/properties.md is out of date: run ./mvnw -pl mcp-spring-boot-autoconfigure test "
					+ "-Dtest=PropertyReferenceTests -Dmcp.docs.update=true")
			.isEqualTo(expected);
	}

	private static JsonNode readOwnMetadata() throws IOException {
		List<URL> candidates = Collections.list(PropertyReferenceTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json"));
		URL own = candidates.stream()
			.filter((url) -> url.getProtocol().equals("file")
					&& url.getPath().contains("mcp-spring-boot-autoconfigure"))
			.findFirst()
			.orElseThrow();
		try (var input = own.openStream()) {
			return JsonMapper.builder().build().readTree(input);
		}
	}

	private static String render(JsonNode metadata) {
		StringBuilder page = new StringBuilder("""
				# Property reference

				Every `mcp.*` property, generated from the configuration metadata of
				`mcp-spring-boot-autoconfigure` (a test fails when this page is out of date).
				Durations take values such as `30s` or `5m`; sizes take values such as `4MB`.
				The `mcp.oauth-bridge.*` properties of `mcp-spring-boot-oauth-bridge` are listed in
				[OAuth bridge](oauth-bridge.md#properties).

				| Property | Default | Description |
				| --- | --- | --- |
				""");
		List<JsonNode> properties = metadata.path("properties")
			.valueStream()
			.filter((property) -> property.path("name").asString().startsWith("mcp."))
			.sorted(Comparator.comparing((JsonNode property) -> property.path("name").asString()))
			.toList();
		for (JsonNode property : properties) {
			JsonNode defaultValue = property.get("defaultValue");
			String shown = (defaultValue == null) ? ""
					: "`" + (defaultValue.isString() ? defaultValue.asString() : defaultValue.toString()) + "`";
			String description = property.path("description").asString("").replace("\n", " ").replace("|", "\\|");
			page.append("| `")
				.append(property.path("name").asString())
				.append("` | ")
				.append(shown)
				.append(" | ")
				.append(description)
				.append(" |\n");
		}
		return page.toString();
	}

}
