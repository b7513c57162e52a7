package dev.mcpspring.oauthbridge.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
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
 * Keeps the property table of {@code docs/oauth-bridge.md} in step with the generated
 * configuration metadata of this module. Run with {@code -Dmcp.docs.update=true} to
 * rewrite the table.
 */
class OAuthBridgePropertyReferenceTests {

	private static final Path PAGE = Path.of("..", "docs", "oauth-bridge.md");

	private static final String START = "<!-- properties: generated from the configuration metadata -->\n";

	private static final String END = "<!-- end of properties -->\n";

	@Test
	void propertyTableMatchesConfigurationMetadata() throws IOException {
		String page = Files.readString(PAGE, StandardCharsets.UTF_8);
		int start = page.indexOf(START);
		int end = page.indexOf(END);
		assertThat(start).as("%s holds the markers of the property table", PAGE).isNotNegative();
		assertThat(end).isGreaterThan(start);
		String expected = page.substring(0, start + START.length()) + render(readOwnMetadata()) + page.substring(end);
		if (Boolean.getBoolean("mcp.docs.update")) {
			Files.writeString(PAGE, expected, StandardCharsets.UTF_8);
		}
		assertThat(Files.readString(PAGE, StandardCharsets.UTF_8))
			.as("the property table of docs/oauth-bridge.md is out of date: run ./mvnw -pl "
					+ "mcp-spring-boot-oauth-bridge test -Dtest=OAuthBridgePropertyReferenceTests -Dmcp.docs.update=true")
			.isEqualTo(expected);
	}

	private static JsonNode readOwnMetadata() throws IOException {
		List<URL> candidates = Collections.list(OAuthBridgePropertyReferenceTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json"));
		URL own = candidates.stream()
			.filter((url) -> url.getProtocol().equals("file") && url.getPath().contains("mcp-spring-boot-oauth-bridge"))
			.findFirst()
			.orElseThrow();
		try (InputStream input = own.openStream()) {
			return JsonMapper.builder().build().readTree(input);
		}
	}

	private static String render(JsonNode metadata) {
		StringBuilder table = new StringBuilder("| Property | Default | Description |\n| --- | --- | --- |\n");
		metadata.path("properties")
			.valueStream()
			.filter((property) -> property.path("name").asString().startsWith("mcp."))
			.sorted(Comparator.comparing((JsonNode property) -> property.path("name").asString()))
			.forEach((property) -> {
				JsonNode defaultValue = property.get("defaultValue");
				String shown = (defaultValue == null) ? ""
						: "`" + (defaultValue.isString() ? defaultValue.asString() : defaultValue.toString()) + "`";
				String description = property.path("description").asString("").replace("\n", " ").replace("|", "\\|");
				table.append("| `")
					.append(property.path("name").asString())
					.append("` | ")
					.append(shown)
					.append(" | ")
					.append(description)
					.append(" |\n");
			});
		return table.toString();
	}

}
