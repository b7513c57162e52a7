package dev.mcpspring.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.mcpspring.annotation.McpResource;
import dev.mcpspring.annotation.McpTool;
import dev.mcpspring.annotation.TaskSupport;
import dev.mcpspring.redis.McpInstance.EventStream;
import dev.mcpspring.redis.McpInstance.Response;
import dev.mcpspring.server.McpContext;
import dev.mcpspring.server.ResourceUpdatePublisher;
import dev.mcpspring.server.ToolRegistry;
import dev.mcpspring.test.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.codec.ServerSentEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three instances of a server sharing one Redis, each on its own port, as behind a
 * round-robin load balancer: a session started on one is served by all, and what one
 * instance sends a client reaches the instance that holds the client's stream (issue 12).
 *
 * @author MCP Spring Boot team
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisCrossInstanceIntegrationTests {

	@RegisterExtension
	static final RedisServer redis = new RedisServer();

	private McpInstance a;

	private McpInstance b;

	private McpInstance c;

	@BeforeAll
	void start() {
		String[] properties = { "spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + redis.getPort(),
				"mcp.server.session.store=redis", "mcp.server.transport.streamable-http.response-mode=json" };
		this.a = new McpInstance(App.class, properties);
		this.b = new McpInstance(App.class, properties);
		this.c = new McpInstance(App.class, redis.properties()[0], redis.properties()[1],
				"mcp.server.session.store=redis", "mcp.server.transport.streamable-http.response-mode=sse");
	}

	@AfterAll
	void stop() {
		for (McpInstance instance : new McpInstance[] { this.a, this.b, this.c }) {
			if (instance != null) {
				instance.close();
			}
		}
	}

	@Test
	void elicitationOfAToolOnAReachesTheStreamOnBAndTheAnswerPostedToCCompletesTheCall() {
		String session = this.a.initialize();
		try (EventStream stream = this.b.get(session, null)) {
			awaitAttached(stream, this.a, session);
			Mono<Response> call = this.a.postAsync(session, toolCall(7, "confirm", "{\"item\":\"book\"}")).cache();
			call.subscribe();
			JsonNode elicitation = stream.nextMessage();
			assertThat(elicitation.get("method").asString()).isEqualTo("elicitation/create");
			Response answer = this.c.post(session, "{\"jsonrpc\":\"2.0\",\"id\":" + elicitation.get("id")
					+ ",\"result\":{\"action\":\"accept\",\"content\":{\"ok\":true}}}");
			assertThat(answer.status()).isEqualTo(202);
			Response result = call.block(Duration.ofSeconds(10));
			assertThat(result.status()).as(result.body()).isEqualTo(200);
			assertThat(result.json().at("/result/content/0/text").asString()).isEqualTo("confirmed book");
		}
	}

	@Test
	void sessionStartedOnAIsServedByBAndCWithTheLogLevelAndSubscriptionsSetOnB() {
		String session = this.a.initialize();
		try (EventStream stream = this.a.get(session, null)) {
			awaitAttached(stream, this.b, session);
			assertThat(this.b
				.post(session,
						"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"logging/setLevel\","
								+ "\"params\":{\"level\":\"warning\"}}")
				.status()).isEqualTo(200);
			try (EventStream talk = this.c.postStream(session, toolCall(2, "talk", "{}"))) {
				assertThat(talk.nextMessage().at("/params/data").asString()).isEqualTo("warning");
				assertThat(talk.nextMessage().at("/result/content/0/text").asString()).isEqualTo("said");
			}
			assertThat(this.b
				.post(session,
						"{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"resources/subscribe\","
								+ "\"params\":{\"uri\":\"memo://notes\"}}")
				.status()).isEqualTo(200);
			this.c.getContext().getBean(ResourceUpdatePublisher.class).resourceUpdated("memo://notes");
			JsonNode updated = stream.nextMessage();
			assertThat(updated.get("method").asString()).isEqualTo("notifications/resources/updated");
			assertThat(updated.at("/params/uri").asString()).isEqualTo("memo://notes");
		}
	}

	@Test
	void listChangedOnOneInstanceReachesAStreamOnAnother() {
		String session = this.b.initialize();
		try (EventStream stream = this.a.get(session, null)) {
			awaitAttached(stream, this.b, session);
			ToolRegistry tools = this.c.getContext().getBean(ToolRegistry.class);
			tools.setEnabled("echo", false);
			try {
				assertThat(stream.nextMessage().get("method").asString()).isEqualTo("notifications/tools/list_changed");
			}
			finally {
				tools.setEnabled("echo", true);
			}
		}
	}

	@Test
	void cancellationPostedToBStopsTheCallRunningOnA() throws InterruptedException {
		String session = this.c.initialize();
		Calls calls = this.a.getContext().getBean(Calls.class);
		this.a.postAsync(session, toolCall(9, "slow", "{}")).subscribe();
		assertThat(calls.started.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(
				this.b
					.post(session,
							"{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\","
									+ "\"params\":{\"requestId\":9}}")
					.status())
			.isEqualTo(202);
		assertThat(calls.cancelled.await(10, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void taskCreatedOnAIsPolledOnBAndCancelledOnCWhichStopsItsWorkOnA() throws InterruptedException {
		Calls calls = this.a.getContext().getBean(Calls.class);
		JsonNode created = this.a
			.postStateless("tools/call", "job", statelessTask(1, "tools/call", "\"name\":\"job\",\"arguments\":{}"))
			.json()
			.path("result");
		assertThat(created.path("resultType").asString()).as(created.toString()).isEqualTo("task");
		assertThat(calls.jobStarted.await(10, TimeUnit.SECONDS)).isTrue();
		String id = created.path("taskId").asString();
		String taskId = "\"taskId\":\"" + id + "\"";
		Response polled = this.b.postStateless("tasks/get", id, statelessTask(2, "tasks/get", taskId));
		assertThat(polled.json().path("result").path("status").asString()).as(polled.body()).isEqualTo("working");
		assertThat(this.c.postStateless("tasks/cancel", id, statelessTask(3, "tasks/cancel", taskId)).status())
			.isEqualTo(200);
		assertThat(calls.jobCancelled.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(this.b.postStateless("tasks/get", id, statelessTask(4, "tasks/get", taskId))
			.json()
			.path("result")
			.path("status")
			.asString()).isEqualTo("cancelled");
	}

	@Test
	void taskCompletedOnAIsReadWithItsResultOnB() {
		JsonNode created = this.a
			.postStateless("tools/call", "quickJob",
					statelessTask(1, "tools/call", "\"name\":\"quickJob\",\"arguments\":{}"))
			.json()
			.path("result");
		String id = created.path("taskId").asString();
		String taskId = "\"taskId\":\"" + id + "\"";
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			JsonNode task = this.b.postStateless("tasks/get", id, statelessTask(2, "tasks/get", taskId))
				.json()
				.path("result");
			assertThat(task.path("status").asString()).isEqualTo("completed");
			assertThat(task.path("result").path("content").get(0).path("text").asString()).isEqualTo("finished");
		});
	}

	@Test
	void deletedSessionIsUnknownEverywhere() {
		String session = this.a.initialize();
		assertThat(this.b.post(session, toolCall(1, "echo", "{\"text\":\"hi\"}")).status()).isEqualTo(200);
		assertThat(this.c.getContext()
			.getBean(dev.mcpspring.server.McpSessionService.class)
			.close(session, null)
			.then(Mono.just(true))
			.block(Duration.ofSeconds(5))).isTrue();
		assertThat(this.a.post(session, toolCall(2, "echo", "{\"text\":\"hi\"}")).status()).isEqualTo(404);
	}

	@Test
	void responseStreamCutOnCIsResumedOnBWithNoEventMissedOrRepeated() {
		String session = this.a.initialize();
		String firstId;
		try (EventStream stream = this.c.postStream(session, toolCall(5, "countdown", "{}"))) {
			ServerSentEvent<String> first = stream.next();
			assertThat(McpInstance.json(first.data()).at("/params/data").asString()).isEqualTo("n0");
			firstId = first.id();
		}
		List<String> resumed = new ArrayList<>();
		try (EventStream stream = this.b.get(session, firstId)) {
			for (int i = 0; i < 3; i++) {
				JsonNode message = stream.nextMessage();
				resumed.add(message.has("result") ? message.at("/result/content/0/text").asString()
						: message.at("/params/data").asString());
			}
			assertThat(resumed).containsExactly("n1", "n2", "done");
			await().atMost(Duration.ofSeconds(10)).until(stream::isEnded);
			assertThat(stream.poll(Duration.ZERO)).isNull();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Call a tool that logs through the session's stream until the stream hears it: a
	 * stream opened on one instance hears the others some time after it opens.
	 */
	private void awaitAttached(EventStream stream, McpInstance other, String session) {
		for (int attempt = 0; attempt < 50; attempt++) {
			other.post(session, toolCall(1000 + attempt, "ping", "{}"));
			try {
				if (stream.poll(Duration.ofMillis(200)) != null) {
					while (stream.poll(Duration.ofMillis(300)) != null) {
						// drain the pings of earlier attempts
					}
					return;
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		throw new AssertionError("The stream never heard from another instance");
	}

	private static String statelessTask(int id, String method, String params) {
		return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":{" + params
				+ ",\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
				+ "\"io.modelcontextprotocol/clientCapabilities\":{\"extensions\":{\"io.modelcontextprotocol/tasks\":{}}}}}}";
	}

	static String toolCall(int id, String name, String arguments) {
		return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + name
				+ "\",\"arguments\":" + arguments + "}}";
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration(exclude = { ReactiveWebSecurityAutoConfiguration.class,
			ReactiveUserDetailsServiceAutoConfiguration.class, ReactiveManagementWebSecurityAutoConfiguration.class })
	static class App {

		@Bean
		Calls calls() {
			return new Calls();
		}

		@Bean
		Features features(Calls calls) {
			return new Features(calls);
		}

	}

	static class Calls {

		final CountDownLatch started = new CountDownLatch(1);

		final CountDownLatch cancelled = new CountDownLatch(1);

		final CountDownLatch jobStarted = new CountDownLatch(1);

		final CountDownLatch jobCancelled = new CountDownLatch(1);

	}

	record Confirmation(boolean ok) {
	}

	static class Features {

		private final Calls calls;

		Features(Calls calls) {
			this.calls = calls;
		}

		@McpTool
		String echo(String text) {
			return "echo " + text;
		}

		@McpTool
		String ping(McpContext context) {
			context.warning("ping");
			return "pong";
		}

		@McpTool
		String talk(McpContext context) {
			context.info("info");
			context.warning("warning");
			return "said";
		}

		@McpTool
		Mono<String> confirm(String item, McpContext context) {
			return context.elicit("Really " + item + "?", Confirmation.class).map((result) -> "confirmed " + item);
		}

		@McpTool
		Mono<String> slow() {
			return Mono.<String>never()
				.doOnSubscribe((subscription) -> this.calls.started.countDown())
				.doOnCancel(this.calls.cancelled::countDown);
		}

		@McpTool
		Mono<String> countdown(McpContext context) {
			return Flux.interval(Duration.ofMillis(400))
				.take(3)
				.doOnNext((n) -> context.warning("n" + n))
				.then(Mono.just("done"));
		}

		@McpTool(taskSupport = TaskSupport.OPTIONAL)
		Mono<String> job() {
			return Mono.<String>never()
				.doOnSubscribe((subscription) -> this.calls.jobStarted.countDown())
				.doOnCancel(this.calls.jobCancelled::countDown);
		}

		@McpTool(taskSupport = TaskSupport.OPTIONAL)
		String quickJob() {
			return "finished";
		}

		@McpResource(uri = "memo://notes")
		String notes() {
			return "notes";
		}

	}

}
