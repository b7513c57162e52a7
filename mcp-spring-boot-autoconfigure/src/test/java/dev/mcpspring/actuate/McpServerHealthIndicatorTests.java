package dev.mcpspring.actuate;

import java.time.Duration;
import java.util.List;

import dev.mcpspring.model.CallToolResult;
import dev.mcpspring.model.Implementation;
import dev.mcpspring.model.Tool;
import dev.mcpspring.server.McpServerHandler;
import dev.mcpspring.server.McpSessionService;
import dev.mcpspring.server.ToolCall;
import dev.mcpspring.server.ToolHandler;
import dev.mcpspring.server.ToolRegistry;
import dev.mcpspring.server.session.McpSessionRepository;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link McpServerHealthIndicator}.
 */
class McpServerHealthIndicatorTests {

	@Test
	void upWithFeaturesAndAnsweringSessionStore() {
		McpServerHealthIndicator indicator = new McpServerHealthIndicator(handler(tools("echo"), null),
				List.of("streamable-http"), Duration.ofSeconds(1));
		StepVerifier.create(indicator.health()).assertNext((health) -> {
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("tools", 1)
				.containsEntry("prompts", 0)
				.containsEntry("resources", 0)
				.containsEntry("resourceTemplates", 0)
				.containsEntry("sessions", 0L)
				.containsEntry("streams", 0)
				.containsEntry("transports", List.of("streamable-http"));
		}).expectComplete().verify(Duration.ofSeconds(5));
	}

	@Test // gh-20
	void streamsCountEveryOpenLongLivedStream() {
		McpSessionService handler = handler(tools("echo"), null);
		handler.getOpenStreams().tryOpen();
		handler.getOpenStreams().tryOpen();
		McpServerHealthIndicator indicator = new McpServerHealthIndicator(handler, List.of("streamable-http"),
				Duration.ofSeconds(1));
		StepVerifier.create(indicator.health())
			.assertNext((health) -> assertThat(health.getDetails()).containsEntry("streams", 2))
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void downWithoutFeatures() {
		McpServerHealthIndicator indicator = new McpServerHealthIndicator(handler(new ToolRegistry(), null), List.of(),
				Duration.ofSeconds(1));
		StepVerifier.create(indicator.health()).assertNext((health) -> {
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("reason", "No features").containsEntry("tools", 0);
		}).expectComplete().verify(Duration.ofSeconds(5));
	}

	@Test
	void downWhenSessionStoreFailsWithoutLeakingTheError() {
		McpSessionRepository repository = mock(McpSessionRepository.class);
		given(repository.count()).willReturn(Mono.error(new IllegalStateException("redis://secret@host")));
		McpServerHealthIndicator indicator = new McpServerHealthIndicator(handler(tools("echo"), repository), List.of(),
				Duration.ofSeconds(1));
		StepVerifier.create(indicator.health()).assertNext((health) -> {
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("reason", "Session store unavailable")
				.doesNotContainKey("error");
			assertThat(health.toString()).doesNotContain("secret");
		}).expectComplete().verify(Duration.ofSeconds(5));
	}

	@Test
	void downWhenSessionStoreDoesNotAnswerInTime() {
		McpSessionRepository repository = mock(McpSessionRepository.class);
		given(repository.count()).willReturn(Mono.never());
		McpServerHealthIndicator indicator = new McpServerHealthIndicator(handler(tools("echo"), repository), List.of(),
				Duration.ofMillis(50));
		StepVerifier.create(indicator.health())
			.assertNext((health) -> assertThat(health.getStatus()).isEqualTo(Status.DOWN))
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	private static McpSessionService handler(ToolRegistry tools, McpSessionRepository repository) {
		McpSessionService.Builder builder = McpSessionService
			.builder(McpServerHandler.builder(Implementation.of("test", "1.0.0")).toolRegistry(tools).build());
		if (repository != null) {
			builder.repository(repository);
		}
		return builder.build();
	}

	private static ToolRegistry tools(String name) {
		ToolRegistry registry = new ToolRegistry();
		Tool tool = new Tool(name, null, null, JsonNodeFactory.instance.objectNode().put("type", "object"), null, null,
				null, null);
		registry.register(new ToolHandler() {

			@Override
			public Tool getTool() {
				return tool;
			}

			@Override
			public Mono<CallToolResult> call(ToolCall call) {
				return Mono.just(CallToolResult.error("unused"));
			}

		});
		return registry;
	}

}
