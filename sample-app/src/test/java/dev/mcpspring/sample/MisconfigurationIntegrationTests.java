package dev.mcpspring.sample;

import dev.mcpspring.autoconfigure.diagnostics.InvalidMcpPropertyException;
import dev.mcpspring.autoconfigure.diagnostics.MissingDependencyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Starts the sample app with a misconfiguration: properties that need Spring Security or
 * Bucket4j, which the sample app does not have, or an invalid value. The server must not
 * start, and the failure report must name the property and the fix.
 */
@ExtendWith(OutputCaptureExtension.class)
class MisconfigurationIntegrationTests {

	// issue 20.1: API keys without Spring Security used to serve /mcp without any key
	@Test
	void apiKeysWithoutSpringSecurityStopStartup(CapturedOutput output) {
		Throwable failure = start("--mcp.server.security.resource=https://mcp.example.test/mcp",
				"--mcp.server.security.api-keys.ci.key=k3y-0f-the-ci-bot-0123456789");
		assertThat(failure).isInstanceOf(MissingDependencyException.class);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("turns on MCP endpoint security, which needs classes that are not on the classpath")
			.contains("org.springframework.security.web.server.SecurityWebFilterChain")
			.contains("Add the dependency org.springframework.boot:spring-boot-starter-security to your build")
			.doesNotContain("k3y-0f-the-ci-bot-0123456789");
	}

	// issue 20.1: the rate limit used to stay off without Bucket4j and Caffeine
	@Test
	void rateLimitWithoutBucket4jStopsStartup(CapturedOutput output) {
		Throwable failure = start("--mcp.server.limits.rate-limit.enabled=true");
		assertThat(failure).isInstanceOf(MissingDependencyException.class);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The property 'mcp.server.limits.rate-limit.enabled'")
			.contains("Add the dependencies com.bucket4j:bucket4j_jdk17-core and "
					+ "com.github.ben-manes.caffeine:caffeine to your build");
	}

	// issue 17: a request state key that is not Base64 used to fail with a bare
	// IllegalArgumentException
	@Test
	void requestStateKeyThatIsNotBase64StopsStartup(CapturedOutput output) {
		Throwable failure = start("--mcp.server.stateless.request-state-keys.k1=not base64!");
		assertThat(failure).rootCause().isInstanceOf(InvalidMcpPropertyException.class);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Invalid configuration property 'mcp.server.stateless.request-state-keys.k1' (from ")
			.contains("must be Base64")
			.contains("Set mcp.server.stateless.request-state-keys.k1 to a random secret of at least 32 bytes")
			.doesNotContain("not base64!");
	}

	private static Throwable start(String... args) {
		return catchThrowable(() -> {
			String[] all = new String[args.length + 1];
			all[0] = "--server.port=0";
			System.arraycopy(args, 0, all, 1, args.length);
			try (ConfigurableApplicationContext context = SpringApplication.run(BookshopApplication.class, all)) {
				// started: the assertion on the failure reports it
			}
		});
	}

}
