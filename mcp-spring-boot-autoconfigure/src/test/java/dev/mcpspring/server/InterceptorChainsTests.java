package dev.mcpspring.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.mcpspring.jsonrpc.JsonRpcMessage;
import dev.mcpspring.jsonrpc.JsonRpcNotification;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link InterceptorChains}: the hooks other than {@code intercept}, in order,
 * and {@link McpServerInterceptor#andThen} on every hook.
 *
 * @author MCP Spring Boot team
 */
class InterceptorChainsTests {

	private final List<String> calls = new ArrayList<>();

	@Test
	void notificationsPassEveryInterceptorOutermostFirst() {
		InterceptorChains chains = new InterceptorChains(
				List.of(named("a"), (request, chain) -> chain.next(request), named("b")));
		chains
			.notification(notification("notifications/initialized"),
					(notification) -> Mono.fromRunnable(() -> this.calls.add("engine " + notification.method())))
			.block(Duration.ofSeconds(5));
		assertThat(this.calls).containsExactly("a notifications/initialized", "b notifications/initialized",
				"engine notifications/initialized");
	}

	@Test
	void outboundMessagesCanBeDroppedOrChanged() {
		McpServerInterceptor dropProgress = new McpServerInterceptor() {

			@Override
			public Mono<McpResponse> intercept(McpRequest request, Chain chain) {
				return chain.next(request);
			}

			@Override
			public Mono<JsonRpcMessage> onOutbound(McpOutboundMessage message, OutboundChain chain) {
				if ("notifications/progress".equals(message.method())) {
					return Mono.empty();
				}
				return chain.next(message.withMessage(new JsonRpcNotification(message.method() + "!", null)));
			}

		};
		List<JsonRpcMessage> sent = new ArrayList<>();
		McpClientChannel channel = new InterceptorChains(List.of(dropProgress)).outbound(sent::add, "s1", null);
		channel.send(new JsonRpcNotification("notifications/progress", null));
		channel.send(new JsonRpcNotification("notifications/message", null));
		assertThat(sent).containsExactly(new JsonRpcNotification("notifications/message!", null));
	}

	@Test
	void channelsAreLeftAsTheyAreWithoutOutboundHooks() {
		McpClientChannel channel = McpClientChannel.discard();
		assertThat(new InterceptorChains(List.of(named("a"))).outbound(channel, "s1", null)).isSameAs(channel);
	}

	@Test
	void andThenCombinesEveryHook() {
		InterceptorChains chains = new InterceptorChains(List.of(named("a").andThen(named("b"))));
		chains.notification(notification("notifications/cancelled"), (notification) -> Mono.empty())
			.block(Duration.ofSeconds(5));
		chains
			.stream(new McpStreamOperation(McpStreamOperation.Kind.CLOSE, "s1", null, null),
					(operation) -> Flux.empty())
			.blockLast(Duration.ofSeconds(5));
		assertThat(this.calls).containsExactly("a notifications/cancelled", "b notifications/cancelled", "a CLOSE",
				"b CLOSE");
	}

	private McpServerInterceptor named(String name) {
		List<String> calls = this.calls;
		return new McpServerInterceptor() {

			@Override
			public Mono<McpResponse> intercept(McpRequest request, Chain chain) {
				return chain.next(request);
			}

			@Override
			public Mono<Void> onNotification(McpNotification notification, NotificationChain chain) {
				calls.add(name + " " + notification.method());
				return chain.next(notification);
			}

			@Override
			public Flux<JsonRpcMessage> onStream(McpStreamOperation operation, StreamChain chain) {
				calls.add(name + " " + operation.kind());
				return chain.next(operation);
			}

		};
	}

	private static McpNotification notification(String method) {
		return new McpNotification(new JsonRpcNotification(method, null), null, "2025-11-25", null,
				RequestHeaders.EMPTY);
	}

}
