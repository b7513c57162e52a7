package dev.mcpspring.autoconfigure;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.mcpspring.annotation.McpTool;
import dev.mcpspring.jsonrpc.JsonRpcCodec;
import dev.mcpspring.jsonrpc.JsonRpcRequest;
import dev.mcpspring.method.McpArgumentValidator;
import dev.mcpspring.method.support.AnnotatedMcpHandlerDetector;
import dev.mcpspring.method.support.ToolArgumentResolver;
import dev.mcpspring.method.support.ToolResultConverter;
import dev.mcpspring.model.CallToolResult;
import dev.mcpspring.model.Implementation;
import dev.mcpspring.model.ProtocolVersions;
import dev.mcpspring.schema.DefaultJsonSchemaGenerator;
import dev.mcpspring.schema.JsonSchemaGenerator;
import dev.mcpspring.schema.JsonSchemaGeneratorCustomizer;
import dev.mcpspring.schema.OutputSchema;
import dev.mcpspring.schema.SchemaProperty;
import dev.mcpspring.server.CompletionRegistry;
import dev.mcpspring.server.McpExceptionResolver;
import dev.mcpspring.server.McpRequest;
import dev.mcpspring.server.McpServerHandler;
import dev.mcpspring.server.McpSessionService;
import dev.mcpspring.server.PromptRegistry;
import dev.mcpspring.server.ResourceRegistry;
import dev.mcpspring.server.ResourceUpdatePublisher;
import dev.mcpspring.server.ToolCall;
import dev.mcpspring.server.ToolCallException;
import dev.mcpspring.server.ToolRegistry;
import dev.mcpspring.server.session.InMemoryMcpSessionRepository;
import dev.mcpspring.server.session.McpSession;
import dev.mcpspring.server.session.McpSessionRepository;
import dev.mcpspring.server.session.SessionLimitExceededException;
import dev.mcpspring.transport.webflux.McpStreamableHttpHandler.ResponseMode;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.core.annotation.Order;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link McpServerAutoConfiguration}.
 *
 * @author MCP Spring Boot team
 */
class McpServerAutoConfigurationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, ValidationAutoConfiguration.class,
				McpServerAutoConfiguration.class));

	@Test
	void defaultBeans() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(McpServerProperties.class);
			assertThat(context).hasSingleBean(JsonRpcCodec.class);
			assertThat(context).hasSingleBean(JsonSchemaGenerator.class);
			assertThat(context).getBean(JsonSchemaGenerator.class).isInstanceOf(DefaultJsonSchemaGenerator.class);
			assertThat(context).hasSingleBean(ToolRegistry.class);
			assertThat(context).hasSingleBean(PromptRegistry.class);
			assertThat(context).hasSingleBean(ResourceRegistry.class);
			assertThat(context).hasSingleBean(CompletionRegistry.class);
			assertThat(context).hasSingleBean(ResourceUpdatePublisher.class);
			assertThat(context).hasSingleBean(McpSessionRepository.class);
			assertThat(context).getBean(McpSessionRepository.class).isInstanceOf(InMemoryMcpSessionRepository.class);
			assertThat(context).hasSingleBean(McpServerHandler.class);
			assertThat(context).hasSingleBean(ToolArgumentResolver.class);
			assertThat(context).hasSingleBean(ToolResultConverter.class);
			assertThat(context).hasSingleBean(AnnotatedMcpHandlerDetector.class);
			assertThat(context).hasSingleBean(McpArgumentValidator.class);
			assertThat(context).hasSingleBean(McpSessionService.class);
			assertThat(context.getBean(McpSessionService.class).getRepository())
				.isSameAs(context.getBean(McpSessionRepository.class));
		});
	}

	@Test
	void defaultProperties() {
		this.contextRunner.run((context) -> {
			McpServerProperties properties = context.getBean(McpServerProperties.class);
			assertThat(properties.isEnabled()).isTrue();
			assertThat(properties.getName()).isEqualTo("mcp-server");
			assertThat(properties.getVersion()).isEqualTo("1.0.0");
			assertThat(properties.getTitle()).isNull();
			assertThat(properties.getInstructions()).isNull();
			assertThat(properties.getPageSize()).isEqualTo(100);
			assertThat(properties.getSession().getMaxSessions()).isEqualTo(10_000);
			assertThat(properties.getSession().getIdleTimeout()).isEqualTo(Duration.ofMinutes(30));
			assertThat(properties.getLimits().getMaxRequestSize()).isEqualTo(DataSize.ofMegabytes(4));
			assertThat(context.getBean(McpSessionService.class).getOpenStreams().getMaxStreams()).isEqualTo(2_000);
			assertThat(properties.getTransport().getAllowedHosts()).isEmpty();
			assertThat(properties.getTransport().getAllowedOrigins()).isEmpty();
			assertThat(properties.getTransport().getStreamableHttp().isEnabled()).isTrue();
			assertThat(properties.getTransport().getStreamableHttp().getPath()).isEqualTo("/mcp");
			assertThat(properties.getTransport().getStreamableHttp().getResponseMode()).isEqualTo(ResponseMode.AUTO);
			assertThat(properties.getTransport().getStreamableHttp().getKeepAliveInterval())
				.isEqualTo(Duration.ofSeconds(15));
		});
	}

	@Test
	void disabledByProperty() {
		this.contextRunner.withPropertyValues("mcp.server.enabled=false").withBean(Tools.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(McpServerProperties.class);
			assertThat(context).doesNotHaveBean(JsonRpcCodec.class);
			assertThat(context).doesNotHaveBean(JsonSchemaGenerator.class);
			assertThat(context).doesNotHaveBean(ToolRegistry.class);
			assertThat(context).doesNotHaveBean(PromptRegistry.class);
			assertThat(context).doesNotHaveBean(ResourceRegistry.class);
			assertThat(context).doesNotHaveBean(CompletionRegistry.class);
			assertThat(context).doesNotHaveBean(ResourceUpdatePublisher.class);
			assertThat(context).doesNotHaveBean(McpSessionRepository.class);
			assertThat(context).doesNotHaveBean(McpServerHandler.class);
			assertThat(context).doesNotHaveBean(AnnotatedMcpHandlerDetector.class);
			assertThat(context).doesNotHaveBean(McpArgumentValidator.class);
		});
	}

	@Test
	void explicitlyEnabledByProperty() {
		this.contextRunner.withPropertyValues("mcp.server.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(McpServerHandler.class));
	}

	@Test
	void backsOffWithoutJackson() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(JsonMapper.class)).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(McpServerHandler.class);
			assertThat(context).doesNotHaveBean(JsonRpcCodec.class);
		});
	}

	@Test
	void worksWithoutJacksonAutoConfiguration() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(McpServerAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasSingleBean(JsonRpcCodec.class);
				assertThat(context).hasSingleBean(McpServerHandler.class);
				assertThat(context).doesNotHaveBean(JsonMapper.class);
			});
	}

	@Test
	void noArgumentValidatorWithoutJakartaValidation() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("jakarta.validation."))
			.withBean(Tools.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(McpArgumentValidator.class);
				assertThat(context).hasSingleBean(AnnotatedMcpHandlerDetector.class);
				assertThat(context.getBean(ToolRegistry.class).get("greet")).isNotNull();
			});
	}

	@Test
	void noArgumentValidatorWithoutValidatorBean() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, McpServerAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(Validator.class);
				assertThat(context).doesNotHaveBean(McpArgumentValidator.class);
				assertThat(context).hasSingleBean(McpServerHandler.class);
			});
	}

	@Test
	void detectsToolBeans() {
		this.contextRunner.withBean(Tools.class).run((context) -> {
			assertThat(context.getBean(ToolRegistry.class).getTools()).extracting("name").containsExactly("greet");
			assertThat(callTool(context, "greet", "{\"name\":\"Ada\"}")).isEqualTo(
					"{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"content\":[{\"type\":\"text\",\"text\":\"Hello Ada\"}]}}");
		});
	}

	@Test
	void userSessionRepositoryBacksOff() {
		McpSessionRepository repository = new InMemoryMcpSessionRepository(1, Duration.ofSeconds(1), Clock.systemUTC());
		this.contextRunner.withBean("customRepository", McpSessionRepository.class, () -> repository).run((context) -> {
			assertThat(context).hasSingleBean(McpSessionRepository.class);
			assertThat(context).getBean(McpSessionRepository.class).isSameAs(repository);
			assertThat(context.getBean(McpSessionService.class).getRepository()).isSameAs(repository);
		});
	}

	@Test
	void userJsonSchemaGeneratorBacksOff() {
		ObjectNode fixedSchema = JsonNodeFactory.instance.objectNode().put("type", "object").put("title", "fixed");
		JsonSchemaGenerator generator = new JsonSchemaGenerator() {

			@Override
			public ObjectNode generateInputSchema(List<SchemaProperty> properties) {
				return fixedSchema;
			}

			@Override
			public OutputSchema generateOutputSchema(Type type) {
				return new OutputSchema(fixedSchema, false);
			}

		};
		this.contextRunner.withBean(JsonSchemaGenerator.class, () -> generator).withBean(Tools.class).run((context) -> {
			assertThat(context).hasSingleBean(JsonSchemaGenerator.class);
			assertThat(context).getBean(JsonSchemaGenerator.class).isSameAs(generator);
			assertThat(context.getBean(ToolRegistry.class).get("greet").getTool().inputSchema()).isEqualTo(fixedSchema);
		});
	}

	@Test
	void schemaGeneratorCustomizersAreApplied() {
		AtomicInteger customized = new AtomicInteger();
		this.contextRunner
			.withBean(JsonSchemaGeneratorCustomizer.class, () -> (builder) -> customized.incrementAndGet())
			.withBean(Tools.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(customized.get()).isGreaterThan(0);
			});
	}

	@Test
	void userBeansBackOff() {
		JsonRpcCodec codec = new JsonRpcCodec(JsonMapper.builder().build());
		ToolRegistry toolRegistry = new ToolRegistry();
		McpArgumentValidator validator = (method, arguments) -> {
		};
		this.contextRunner.withBean(JsonRpcCodec.class, () -> codec)
			.withBean(ToolRegistry.class, () -> toolRegistry)
			.withBean(McpArgumentValidator.class, () -> validator)
			.run((context) -> {
				assertThat(context).hasSingleBean(JsonRpcCodec.class);
				assertThat(context).getBean(JsonRpcCodec.class).isSameAs(codec);
				assertThat(context).hasSingleBean(ToolRegistry.class);
				assertThat(context).getBean(ToolRegistry.class).isSameAs(toolRegistry);
				assertThat(context).hasSingleBean(McpArgumentValidator.class);
				assertThat(context).getBean(McpArgumentValidator.class).isSameAs(validator);
			});
	}

	@Test
	void userRegistriesBackOff() {
		PromptRegistry promptRegistry = new PromptRegistry();
		ResourceRegistry resourceRegistry = new ResourceRegistry();
		CompletionRegistry completionRegistry = new CompletionRegistry();
		this.contextRunner.withBean(PromptRegistry.class, () -> promptRegistry)
			.withBean(ResourceRegistry.class, () -> resourceRegistry)
			.withBean(CompletionRegistry.class, () -> completionRegistry)
			.run((context) -> {
				assertThat(context).hasSingleBean(PromptRegistry.class);
				assertThat(context).getBean(PromptRegistry.class).isSameAs(promptRegistry);
				assertThat(context).hasSingleBean(ResourceRegistry.class);
				assertThat(context).getBean(ResourceRegistry.class).isSameAs(resourceRegistry);
				assertThat(context).hasSingleBean(CompletionRegistry.class);
				assertThat(context).getBean(CompletionRegistry.class).isSameAs(completionRegistry);
			});
	}

	@Test
	void userServerHandlerBacksOff() {
		this.contextRunner
			.withBean("customHandler", McpServerHandler.class,
					() -> new McpServerHandler(Implementation.of("custom", "9"), null, new ToolRegistry(), List.of(),
							1))
			.run((context) -> {
				assertThat(context).hasSingleBean(McpServerHandler.class);
				assertThat(context).getBean(McpServerHandler.class).isSameAs(context.getBean("customHandler"));
			});
	}

	@Test
	void userArgumentResolverAndResultConverterBackOff() {
		ToolArgumentResolver resolver = new ToolArgumentResolver(JsonMapper.builder().build());
		ToolResultConverter converter = new ToolResultConverter(JsonMapper.builder().build());
		this.contextRunner.withBean(ToolArgumentResolver.class, () -> resolver)
			.withBean(ToolResultConverter.class, () -> converter)
			.run((context) -> {
				assertThat(context).getBean(ToolArgumentResolver.class).isSameAs(resolver);
				assertThat(context).getBean(ToolResultConverter.class).isSameAs(converter);
			});
	}

	@Test
	void propertiesBind() {
		this.contextRunner
			.withPropertyValues("mcp.server.name=orders", "mcp.server.version=2.0.0", "mcp.server.title=Orders",
					"mcp.server.instructions=Use wisely", "mcp.server.page-size=1", "mcp.server.session.max-sessions=1",
					"mcp.server.session.idle-timeout=5m", "mcp.server.limits.max-request-size=16KB",
					"mcp.server.transport.allowed-hosts=mcp.example.com,api.example.com",
					"mcp.server.transport.allowed-origins=https://app.example.com",
					"mcp.server.transport.streamable-http.path=/api/mcp",
					"mcp.server.transport.streamable-http.response-mode=sse",
					"mcp.server.transport.streamable-http.keep-alive-interval=2s")
			.run((context) -> {
				McpServerProperties properties = context.getBean(McpServerProperties.class);
				assertThat(properties.getName()).isEqualTo("orders");
				assertThat(properties.getVersion()).isEqualTo("2.0.0");
				assertThat(properties.getTitle()).isEqualTo("Orders");
				assertThat(properties.getInstructions()).isEqualTo("Use wisely");
				assertThat(properties.getPageSize()).isEqualTo(1);
				assertThat(properties.getSession().getMaxSessions()).isEqualTo(1);
				assertThat(properties.getSession().getIdleTimeout()).isEqualTo(Duration.ofMinutes(5));
				assertThat(properties.getLimits().getMaxRequestSize()).isEqualTo(DataSize.ofKilobytes(16));
				assertThat(properties.getTransport().getAllowedHosts()).containsExactly("mcp.example.com",
						"api.example.com");
				assertThat(properties.getTransport().getAllowedOrigins()).containsExactly("https://app.example.com");
				assertThat(properties.getTransport().getStreamableHttp().getPath()).isEqualTo("/api/mcp");
				assertThat(properties.getTransport().getStreamableHttp().getResponseMode()).isEqualTo(ResponseMode.SSE);
				assertThat(properties.getTransport().getStreamableHttp().getKeepAliveInterval())
					.isEqualTo(Duration.ofSeconds(2));
			});
	}

	@Test
	void serverInfoAndInstructionsComeFromProperties() {
		this.contextRunner
			.withPropertyValues("mcp.server.name=orders", "mcp.server.version=2.0.0", "mcp.server.title=Orders",
					"mcp.server.instructions=Use wisely")
			.run((context) -> {
				String json = handle(context,
						"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\"}}");
				JsonMapper mapper = context.getBean(JsonRpcCodec.class).getJsonMapper();
				assertThat(mapper.readTree(json).path("result").path("serverInfo"))
					.isEqualTo(mapper.readTree("{\"name\":\"orders\",\"title\":\"Orders\",\"version\":\"2.0.0\"}"));
				assertThat(mapper.readTree(json).path("result").path("instructions").asString())
					.isEqualTo("Use wisely");
			});
	}

	@Test
	void pageSizePropertyIsApplied() {
		this.contextRunner.withPropertyValues("mcp.server.page-size=1")
			.withBean(Tools.class)
			.withBean(MoreTools.class)
			.run((context) -> {
				String json = handle(context, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}");
				JsonMapper mapper = context.getBean(JsonRpcCodec.class).getJsonMapper();
				assertThat(mapper.readTree(json).path("result").path("tools").size()).isEqualTo(1);
				assertThat(mapper.readTree(json).path("result").path("tools").path(0).path("name").asString())
					.isEqualTo("farewell");
				assertThat(mapper.readTree(json).path("result").path("nextCursor").isString()).isTrue();
			});
	}

	@Test
	void sessionLimitPropertyIsApplied() {
		this.contextRunner.withPropertyValues("mcp.server.session.max-sessions=1").run((context) -> {
			McpSessionRepository repository = context.getBean(McpSessionRepository.class);
			McpSession first = new McpSession("first", "2025-11-25", null, null, Instant.now());
			StepVerifier.create(repository.save(first)).expectNext(first).expectComplete().verify(TIMEOUT);
			StepVerifier.create(repository.save(new McpSession("second", "2025-11-25", null, null, Instant.now())))
				.expectError(SessionLimitExceededException.class)
				.verify(TIMEOUT);
		});
	}

	@Test
	void exceptionResolverBeansComeAfterDefaultResolverInOrder() {
		this.contextRunner.withBean(FailingTools.class)
			.withBean("lateResolver", LateResolver.class)
			.withBean("earlyResolver", EarlyResolver.class)
			.run((context) -> {
				assertThat(callTool(context, "boom", "{}")).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":"
						+ "{\"content\":[{\"type\":\"text\",\"text\":\"early: boom\"}],\"isError\":true}}");
				assertThat(callTool(context, "toolError", "{}")).isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":"
						+ "{\"content\":[{\"type\":\"text\",\"text\":\"from the tool\"}],\"isError\":true}}");
			});
	}

	private static String callTool(AssertableApplicationContext context, String name, String arguments) {
		return handle(context, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"" + name
				+ "\",\"arguments\":" + arguments + "}}");
	}

	private static String handle(AssertableApplicationContext context, String json) {
		assertThat(context).hasNotFailed();
		JsonRpcCodec codec = context.getBean(JsonRpcCodec.class);
		JsonRpcRequest request = (JsonRpcRequest) codec.decode(json.getBytes(StandardCharsets.UTF_8));
		StringBuilder result = new StringBuilder();
		StepVerifier
			.create(context.getBean(McpServerHandler.class)
				.handle(new McpRequest(request, null, ProtocolVersions.LATEST)))
			.consumeNextWith((response) -> result.append(codec.encodeToString(response.message())))
			.expectComplete()
			.verify(TIMEOUT);
		return result.toString();
	}

	static class Tools {

		@McpTool
		String greet(String name) {
			return "Hello " + name;
		}

	}

	static class MoreTools {

		@McpTool
		String farewell(String name) {
			return "Bye " + name;
		}

	}

	static class FailingTools {

		@McpTool
		String boom() {
			throw new IllegalStateException("boom");
		}

		@McpTool
		String toolError() {
			throw new ToolCallException("from the tool");
		}

	}

	@Order(1)
	static class EarlyResolver implements McpExceptionResolver {

		@Override
		public Mono<CallToolResult> resolveException(Throwable ex, ToolCall call) {
			return Mono.just(CallToolResult.error("early: " + call.name()));
		}

	}

	@Order(2)
	static class LateResolver implements McpExceptionResolver {

		@Override
		public Mono<CallToolResult> resolveException(Throwable ex, ToolCall call) {
			return Mono.just(CallToolResult.error("late: " + call.name()));
		}

	}

}
