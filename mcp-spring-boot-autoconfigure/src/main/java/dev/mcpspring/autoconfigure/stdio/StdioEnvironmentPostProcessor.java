package dev.mcpspring.autoconfigure.stdio;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * Prepares an application that serves MCP over stdio: no web server, no banner, logs on
 * standard error, because standard output carries the protocol, and a JVM kept alive
 * until the client closes standard input. The settings
 * go in a lowest-precedence property source, so users can override each one.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class StdioEnvironmentPostProcessor implements EnvironmentPostProcessor {

	private static final String ENABLED = "mcp.server.transport.stdio.enabled";

	private static final boolean logbackPresent = ClassUtils.isPresent("ch.qos.logback.classic.LoggerContext",
			StdioEnvironmentPostProcessor.class.getClassLoader());

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.getProperty(ENABLED, Boolean.class, false)) {
			return;
		}
		Map<String, Object> defaults = new LinkedHashMap<>();
		defaults.put("spring.main.banner-mode", "off");
		defaults.put("spring.main.web-application-type", "none");
		defaults.put("spring.main.keep-alive", "true");
		if (logbackPresent) {
			defaults.put("logging.config", "classpath:dev/mcpspring/autoconfigure/stdio/logback-stdio.xml");
		}
		environment.getPropertySources().addLast(new MapPropertySource("mcpStdioDefaults", defaults));
	}

}
