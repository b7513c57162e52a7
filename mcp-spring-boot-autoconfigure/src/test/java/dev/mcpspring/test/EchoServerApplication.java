package dev.mcpspring.test;

import dev.mcpspring.annotation.McpTool;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A whole MCP server application with one tool, {@code echo}, for tests that start a real
 * server and care about the transport rather than the features.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration(exclude = { ReactiveWebSecurityAutoConfiguration.class,
		ReactiveUserDetailsServiceAutoConfiguration.class, ReactiveManagementWebSecurityAutoConfiguration.class })
public class EchoServerApplication {

	@Bean
	EchoTool echoTool() {
		return new EchoTool();
	}

	static class EchoTool {

		@McpTool
		String echo(String text) {
			return "echo " + text;
		}

	}

}
