package dev.mcpspring.transport.support;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import com.code_intelligence.jazzer.junit.FuzzTest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes {@link HttpRequestRules} (issue 14.3): whatever the {@code Content-Type},
 * {@code Accept}, request target and header lines, the rules answer without throwing; a
 * content type taken for UTF-8 JSON is {@code application/json} with no charset but
 * UTF-8, an absolute-form authority holds no path, query, fragment or user information,
 * and a header reported as duplicated appears more than once. Runs the committed seed
 * corpus ({@code HttpRequestRulesFuzzTestsInputs}) in the normal build;
 * {@code JAZZER_FUZZ=1} fuzzes for real (see docs/reliability.md).
 * <p>
 * An input is UTF-8 text: the value tried as {@code Content-Type}, {@code Accept} and
 * request target on the first line, then one {@code Name: value} header per line.
 *
 * @author MCP Spring Boot team
 */
class HttpRequestRulesFuzzTests {

	@FuzzTest(maxDuration = "30s")
	void headersAreReadStrictlyWithoutThrowing(byte[] input) {
		String[] lines = new String(input, StandardCharsets.UTF_8).split("\n", -1);
		String value = lines[0];
		if (HttpRequestRules.isUtf8Json(value)) {
			String normalized = value.strip().toLowerCase(Locale.ROOT);
			assertThat(normalized).startsWith("application/json");
			assertThat(!normalized.contains("charset") || normalized.contains("utf-8") || normalized.contains("utf8"))
				.as("charset of %s", value)
				.isTrue();
		}
		List<MediaType> accepted = HttpRequestRules.parseAccept(value);
		assertThat(accepted).doesNotContainNull();
		String authority = HttpRequestRules.absoluteFormAuthority(value);
		if (authority != null) {
			assertThat(authority).doesNotContain("/", "?", "#", "@");
		}
		HttpHeaders headers = new HttpHeaders();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			if (colon > 0) {
				headers.add(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim());
			}
		}
		String duplicate = HttpRequestRules.findDuplicate(headers);
		if (duplicate != null) {
			assertThat(headers.get(duplicate)).hasSizeGreaterThan(1);
		}
	}

}
