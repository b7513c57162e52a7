package dev.mcpspring.method.support;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import dev.mcpspring.annotation.McpArg;
import dev.mcpspring.annotation.McpComplete;
import dev.mcpspring.annotation.McpPrompt;
import dev.mcpspring.annotation.McpResource;
import dev.mcpspring.annotation.McpTool;
import dev.mcpspring.model.PromptMessage;
import dev.mcpspring.server.ToolRegistry;
import jakarta.validation.constraints.NotBlank;
import org.aopalliance.intercept.MethodInterceptor;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static dev.mcpspring.method.support.AnnotatedMcpHandlerDetectorTests.assertCall;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AnnotatedMcpHandlerDetector} with beans exposed as interface-based JDK
 * proxies: the annotations of the target class are found, and calls go through the proxy
 * so that its advice applies.
 *
 * @author MCP Spring Boot team
 */
class AnnotatedMcpHandlerDetectorProxyTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final ApplicationContextRunner contextRunner = AnnotatedMcpHandlerDetectorTests.contextRunner();

	@Test // gh-19
	void toolOfJdkProxiedBeanIsCalledThroughTheProxy() {
		this.contextRunner.withBean("catalog", Catalog.class, () -> shouting(new BookCatalog())).run((context) -> {
			assertThat(AopUtils.isJdkDynamicProxy(context.getBean("catalog"))).isTrue();
			assertCall(context, "find", "{\"title\":\"dune\"}",
					"{\"content\":[{\"type\":\"text\",\"text\":\"FOUND DUNE\"}]}");
		});
	}

	@Test // gh-19
	void resourcePromptAndCompletionOfJdkProxiedBeanAreCalledThroughTheProxy() {
		this.contextRunner.withBean("catalog", Catalog.class, () -> shouting(new BookCatalog())).run((context) -> {
			assertResult(context, "resources/read", "{\"uri\":\"books://dune\"}",
					"{\"contents\":[{\"uri\":\"books://dune\",\"text\":\"BOOK DUNE\"}]}");
			assertResult(context, "prompts/get", "{\"name\":\"review\",\"arguments\":{\"title\":\"dune\"}}",
					"{\"messages\":[{\"role\":\"user\",\"content\":{\"type\":\"text\",\"text\":\"Review dune\"}}]}");
			assertResult(context, "completion/complete",
					"{\"ref\":{\"type\":\"ref/prompt\",\"name\":\"review\"},\"argument\":{\"name\":\"title\",\"value\":\"d\"}}",
					"{\"completion\":{\"values\":[\"DUNE\"],\"total\":1,\"hasMore\":false}}");
		});
	}

	@Test // gh-19
	void parameterAnnotationsOfTheInterfaceAreAdvertised() {
		this.contextRunner.withBean("catalog", Catalog.class, () -> shouting(new BookCatalog())).run((context) -> {
			JsonNode schema = context.getBean(ToolRegistry.class).get("find").getTool().inputSchema();
			assertThat(schema.toString()).isEqualTo("{\"type\":\"object\",\"properties\":{\"title\":"
					+ "{\"type\":\"string\",\"description\":\"Part of a title\",\"minLength\":1}},"
					+ "\"required\":[\"title\"]}");
			assertCall(context, "find", "{\"title\":\"\"}", "{\"content\":[{\"type\":\"text\",\"text\":"
					+ "\"Invalid arguments for tool 'find': title: must not be blank\"}],\"isError\":true}");
		});
	}

	@Test // gh-19
	void methodNotReachableThroughTheProxyFailsStartup() {
		this.contextRunner.withBean("catalog", Catalog.class, () -> shouting(new ExtendedCatalog())).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure())
				.hasStackTraceContaining("Invalid MCP handler method ExtendedCatalog#count of bean 'catalog': "
						+ "the method is not declared by the interfaces of its JDK proxy [" + Catalog.class.getName()
						+ "]");
		});
	}

	private static Catalog shouting(Catalog target) {
		ProxyFactory factory = new ProxyFactory(target);
		factory.setInterfaces(Catalog.class);
		factory.setProxyTargetClass(false);
		factory.addAdvice((MethodInterceptor) (invocation) -> {
			Object result = invocation.proceed();
			if (result instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
				return list.stream().map((item) -> item.toString().toUpperCase(Locale.ROOT)).toList();
			}
			return (result instanceof String text) ? text.toUpperCase(Locale.ROOT) : result;
		});
		return (Catalog) factory.getProxy();
	}

	private static void assertResult(AssertableApplicationContext context, String method, String params,
			String expected) {
		StepVerifier.create(AnnotatedMcpHandlerDetectorTests.request(context, method, params))
			.expectNext(expected)
			.expectComplete()
			.verify(TIMEOUT);
	}

	public interface Catalog {

		String find(@McpArg(description = "Part of a title") @NotBlank String title);

		String book(String title);

		List<PromptMessage> review(String title);

		List<String> completeTitle(String argument, String value);

	}

	public static class BookCatalog implements Catalog {

		@Override
		@McpTool
		public String find(String title) {
			return "found " + title;
		}

		@Override
		@McpResource(uri = "books://{title}")
		public String book(String title) {
			return "book " + title;
		}

		@Override
		@McpPrompt
		public List<PromptMessage> review(String title) {
			return List.of(PromptMessage.user("Review " + title));
		}

		@Override
		@McpComplete(prompt = "review")
		public List<String> completeTitle(String argument, String value) {
			return List.of("dune");
		}

	}

	public static class ExtendedCatalog extends BookCatalog {

		@McpTool
		public int count() {
			return 1;
		}

	}

}
