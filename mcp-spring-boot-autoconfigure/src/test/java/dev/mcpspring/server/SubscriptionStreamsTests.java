package dev.mcpspring.server;

import java.time.Duration;
import java.util.Set;

import dev.mcpspring.jsonrpc.JsonRpcCodec;
import dev.mcpspring.jsonrpc.JsonRpcMessage;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SubscriptionStreams}.
 *
 * @author MCP Spring Boot team
 */
class SubscriptionStreamsTests {

	private static final String ACKNOWLEDGED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/subscriptions/acknowledged\","
			+ "\"params\":{\"notifications\":{\"toolsListChanged\":true},"
			+ "\"_meta\":{\"io.modelcontextprotocol/subscriptionId\":\"sub-1\"}}}";

	private static final String TOOLS_CHANGED = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/tools/list_changed\","
			+ "\"params\":{\"_meta\":{\"io.modelcontextprotocol/subscriptionId\":\"sub-1\"}}}";

	private static final String CLOSED = "{\"jsonrpc\":\"2.0\",\"id\":\"sub-1\",\"result\":{\"resultType\":\"complete\","
			+ "\"_meta\":{\"io.modelcontextprotocol/subscriptionId\":\"sub-1\"}}}";

	private final JsonRpcCodec codec = new JsonRpcCodec(JsonMapper.builder().build());

	private final SubscriptionStreams streams = new SubscriptionStreams();

	@Test
	void streamCarriesTheAcknowledgementThenTheNotificationsOptedIn() {
		StepVerifier.create(encoded(listen()))
			.expectNext(ACKNOWLEDGED)
			.then(() -> this.streams.listChanged("notifications/tools/list_changed", "toolsListChanged"))
			.then(() -> this.streams.listChanged("notifications/prompts/list_changed", "promptsListChanged"))
			.expectNext(TOOLS_CHANGED)
			.thenCancel()
			.verify(Duration.ofSeconds(5));
		assertThat(this.streams.getOpenCount()).isZero();
	}

	@Test // gh-20
	void closeAllEndsEveryStreamWithTheResponseToItsListenRequest() {
		StepVerifier.create(encoded(listen()))
			.expectNext(ACKNOWLEDGED)
			.then(this.streams::closeAll)
			.expectNext(CLOSED)
			.expectComplete()
			.verify(Duration.ofSeconds(5));
		assertThat(this.streams.getOpenCount()).isZero();
	}

	@Test // gh-20
	void streamOpenedAfterCloseAllEndsRightAfterItsAcknowledgement() {
		this.streams.closeAll();
		StepVerifier.create(encoded(listen()))
			.expectNext(ACKNOWLEDGED, CLOSED)
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	private Flux<JsonRpcMessage> listen() {
		ObjectNode filter = JsonNodeFactory.instance.objectNode().put("toolsListChanged", true);
		return this.streams.listen(StringNode.valueOf("sub-1"), filter, Set.of("toolsListChanged"));
	}

	private Flux<String> encoded(Flux<JsonRpcMessage> messages) {
		return messages.map(this.codec::encodeToString);
	}

}
