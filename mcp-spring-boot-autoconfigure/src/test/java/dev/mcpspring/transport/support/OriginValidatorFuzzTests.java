package dev.mcpspring.transport.support;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes {@link OriginValidator} (issue 14.3): whatever the {@code Host} and
 * {@code Origin} headers, the validator gives a verdict without throwing, and lets
 * through only a host that is a loopback name or a configured one (with at most a numeric
 * port) and an origin that is configured or whose host is a loopback name, as an
 * independent reading of the header says. Runs the committed seed corpus
 * ({@code OriginValidatorFuzzTestsInputs}) in the normal build; {@code JAZZER_FUZZ=1}
 * fuzzes for real (see docs/reliability.md).
 * <p>
 * An input is UTF-8 text: the {@code Host} header on the first line, the {@code Origin}
 * header on the second; a missing line is a missing header.
 *
 * @author MCP Spring Boot team
 */
class OriginValidatorFuzzTests {

	private static final Pattern ALLOWED_HOST = Pattern
		.compile("(?i)(localhost|127\\.0\\.0\\.1|\\[::1\\]|mcp\\.example\\.test)(:[0-9]*)?");

	private static final Pattern LOOPBACK_ORIGIN = Pattern
		.compile("(?i)https?://([^/?#@]*@)?(localhost|127\\.0\\.0\\.1|\\[::1\\])(:[0-9]*)?([/?#].*)?", Pattern.DOTALL);

	private final OriginValidator validator = new OriginValidator(List.of("mcp.example.test"),
			List.of("https://app.example.test"));

	@FuzzTest(maxDuration = "30s")
	void onlyLoopbackOrConfiguredHostsAndOriginsPass(byte[] input) {
		String[] lines = new String(input, StandardCharsets.UTF_8).split("\n", 2);
		String host = lines[0];
		String origin = (lines.length > 1) ? lines[1] : null;
		OriginValidator.Verdict verdict = this.validator.check(host, origin);
		assertThat(verdict).isNotNull();
		if (verdict != OriginValidator.Verdict.FORBIDDEN_HOST) {
			assertThat(host).matches(ALLOWED_HOST);
		}
		if (verdict == OriginValidator.Verdict.ALLOWED && origin != null) {
			assertThat(origin.equalsIgnoreCase("https://app.example.test") || LOOPBACK_ORIGIN.matcher(origin).matches())
				.as("origin %s", origin)
				.isTrue();
		}
	}

}
