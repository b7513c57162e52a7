package dev.mcpspring.autoconfigure.stdio;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;

/**
 * Prepares an application that serves MCP over stdio: no web server, no banner, and a JVM
 * kept alive until the client closes standard input. The settings go in a
 * lowest-precedence property source, so users can override each one. Logs move to
 * standard error through {@link StdioConsoleLoggingListener}, which keeps the
 * application's own logging configuration.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class StdioEnvironmentPostProcessor implements EnvironmentPostProcessor {

	private static final String ENABLED = "mcp.server.transport.stdio.enabled";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!isStdioEnabled(environment)) {
			return;
		}
		Map<String, Object> defaults = new LinkedHashMap<>();
		defaults.put("spring.main.banner-mode", "off");
		defaults.put("spring.main.web-application-type", "none");
		defaults.put("spring.main.keep-alive", "true");
		environment.getPropertySources().addLast(new MapPropertySource("mcpStdioDefaults", defaults));
	}

	/**
	 * Whether the application serves MCP over stdio.
	 * @param environment the environment
	 * @return whether {@code mcp.server.transport.stdio.enabled} is {@code true}
	 */
	static boolean isStdioEnabled(Environment environment) {
		return environment.getProperty(ENABLED, Boolean.class, false);
	}

}
