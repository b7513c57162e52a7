package dev.mcpspring.server.uri;

import java.util.List;
import java.util.Map;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the URI template matcher (issue 14.3): a client's URI matched against the
 * templates of resources never throws, and a match never hands a handler a value with a
 * control character, a backslash or a {@code ..} segment; a template either parses or is
 * refused with {@link IllegalArgumentException}. Runs the committed seed corpus
 * ({@code UriTemplateFuzzTestsInputs}) in the normal build; {@code JAZZER_FUZZ=1} fuzzes
 * for real (see docs/reliability.md).
 *
 * @author MCP Spring Boot team
 */
class UriTemplateFuzzTests {

	private static final List<UriTemplate> TEMPLATES = List.of(UriTemplate.parse("files://{name}"),
			UriTemplate.parse("files://{+path}"), UriTemplate.parse("weather://{city}/forecast{?days,units}"),
			UriTemplate.parse("repo://{owner}/{repo}{/path*}"), UriTemplate.parse("db://{#section}"),
			UriTemplate.parse("mail://{user}{.domain*}{;params*}{&more}"));

	@FuzzTest(maxDuration = "30s")
	void matchNeverHandsOverAnUnsafeValue(FuzzedDataProvider data) {
		String uri = data.consumeRemainingAsString();
		for (UriTemplate template : TEMPLATES) {
			Map<String, String> values = template.match(uri);
			if (values != null) {
				values.values().forEach(UriTemplateFuzzTests::assertSafe);
			}
			UriTemplate.Values lists = template.matchValues(uri);
			if (lists != null) {
				lists.values().values().forEach(UriTemplateFuzzTests::assertSafe);
				lists.lists().values().forEach((members) -> members.forEach(UriTemplateFuzzTests::assertSafe));
			}
		}
	}

	@FuzzTest(maxDuration = "30s")
	void templateParsesOrIsRefused(FuzzedDataProvider data) {
		String template = data.consumeString(200);
		String uri = data.consumeRemainingAsString();
		UriTemplate parsed;
		try {
			parsed = UriTemplate.parse(template);
		}
		catch (IllegalArgumentException ex) {
			return;
		}
		Map<String, String> values = parsed.match(uri);
		if (values != null) {
			values.values().forEach(UriTemplateFuzzTests::assertSafe);
		}
	}

	private static void assertSafe(String value) {
		assertThat(value).doesNotContain("\\");
		assertThat(value.chars().noneMatch((c) -> c < 0x20 || c == 0x7f)).as(value).isTrue();
		assertThat(List.of(value.split("/", -1))).doesNotContain("..");
	}

}
