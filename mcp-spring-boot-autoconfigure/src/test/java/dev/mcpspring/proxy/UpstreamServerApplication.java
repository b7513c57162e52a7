package dev.mcpspring.proxy;

import java.util.List;

import dev.mcpspring.annotation.McpPrompt;
import dev.mcpspring.annotation.McpResource;
import dev.mcpspring.annotation.McpTool;
import dev.mcpspring.model.PromptMessage;
import dev.mcpspring.server.McpContext;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The upstream server of the proxy tests: a tool of each kind a proxy must carry (a plain
 * answer, progress, a slow call), a prompt, a resource and a resource template.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration(exclude = { ReactiveWebSecurityAutoConfiguration.class,
		ReactiveUserDetailsServiceAutoConfiguration.class, ReactiveManagementWebSecurityAutoConfiguration.class })
class UpstreamServerApplication {

	@Bean
	UpstreamFeatures upstreamFeatures() {
		return new UpstreamFeatures();
	}

	static class UpstreamFeatures {

		@McpTool(description = "Repeats a text")
		String shout(String text) {
			return text.toUpperCase();
		}

		@McpTool(description = "Counts to three, reporting progress")
		String count(McpContext context) {
			for (int i = 1; i <= 3; i++) {
				context.progress(i, 3.0, "step " + i);
			}
			return "counted";
		}

		@McpTool(description = "Sleeps")
		String sleep(int millis) throws InterruptedException {
			Thread.sleep(millis);
			return "slept";
		}

		@McpPrompt(description = "Greets someone")
		List<PromptMessage> greet(String who) {
			return List.of(PromptMessage.user("Hello " + who));
		}

		@McpResource(uri = "docs://readme", mimeType = "text/plain")
		String readme() {
			return "read me";
		}

		@McpResource(uri = "docs://pages/{name}", mimeType = "text/plain")
		String page(String name) {
			return "page " + name;
		}

	}

}
