package dev.mcpspring.method.support;

import java.util.List;
import java.util.Optional;

import dev.mcpspring.annotation.McpComplete;
import dev.mcpspring.annotation.McpPrompt;
import dev.mcpspring.annotation.McpResource;
import dev.mcpspring.annotation.McpTool;
import dev.mcpspring.server.McpContext;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.javapoet.ClassName;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link McpHandlerBeanFactoryInitializationAotProcessor}.
 *
 * @author MCP Spring Boot team
 */
class McpHandlerBeanFactoryInitializationAotProcessorTests {

	@Test
	void handlerMethodsAreInvokableAndTheirTypesBound() throws Exception {
		RuntimeHints hints = process(Tools.class);
		assertThat(RuntimeHintsPredicates.reflection()
			.onMethodInvocation(Tools.class.getDeclaredMethod("order", Order.class, McpContext.class))).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Tools.class, "book")).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Tools.class, "greeting")).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Tools.class, "titles")).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(Tools.class)).accepts(hints);
		// a record parameter, its nested record, a record inside Mono and Optional
		assertThat(RuntimeHintsPredicates.reflection().onType(Order.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(Line.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(Confirmation.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(Book.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Order.class, "lines")).accepts(hints);
		// supplied by the server, not bound
		assertThat(RuntimeHintsPredicates.reflection().onType(McpContext.class)).rejects(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(Mono.class)).rejects(hints);
	}

	@Test
	void classpathInputSchemasAreResources() {
		RuntimeHints hints = process(Tools.class);
		assertThat(RuntimeHintsPredicates.resource().forResource("schemas/greeting.json")).accepts(hints);
	}

	@Test
	void noContributionWithoutHandlerMethods() {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		beanFactory.registerBeanDefinition("other", new RootBeanDefinition(String.class));
		assertThat(new McpHandlerBeanFactoryInitializationAotProcessor().processAheadOfTime(beanFactory)).isNull();
	}

	private static RuntimeHints process(Class<?> beanType) {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		beanFactory.registerBeanDefinition("tools", new RootBeanDefinition(beanType));
		BeanFactoryInitializationAotContribution contribution = new McpHandlerBeanFactoryInitializationAotProcessor()
			.processAheadOfTime(beanFactory);
		assertThat(contribution).isNotNull();
		DefaultGenerationContext generationContext = new DefaultGenerationContext(
				new ClassNameGenerator(ClassName.get("com.example", "Test")), new InMemoryGeneratedFiles());
		contribution.applyTo(generationContext, null);
		return generationContext.getRuntimeHints();
	}

	record Order(String customer, List<Line> lines) {
	}

	record Line(String isbn, int quantity) {
	}

	record Confirmation(String id) {
	}

	record Book(String title) {
	}

	static class Tools {

		@McpTool
		Mono<Confirmation> order(Order order, McpContext context) {
			return Mono.just(new Confirmation("1"));
		}

		@McpResource(uri = "books://{isbn}")
		Optional<Book> book(String isbn) {
			return Optional.empty();
		}

		@McpPrompt
		@McpTool(name = "greet", inputSchema = "classpath:/schemas/greeting.json")
		String greeting(String name) {
			return name;
		}

		@McpComplete(prompt = "greeting")
		List<String> titles(String prefix) {
			return List.of();
		}

	}

}
