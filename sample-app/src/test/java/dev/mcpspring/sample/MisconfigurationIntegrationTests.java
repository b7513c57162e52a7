package dev.mcpspring.sample;

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
 * Starts the sample app, which has neither Spring Security nor Bucket4j on its
 * classpath, with properties that need them: the server must not start, and the report
 * must name the property and the dependency to add.
 */
@ExtendWith(OutputCaptureExtension.class)
class MissingDependencyIntegrationTests {

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
