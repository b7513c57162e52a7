package dev.mcpspring.server.session;

import java.security.SecureRandom;
import java.util.HexFormat;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Carries messages between the instances that serve the sessions of one server: a message
 * for a client whose stream another instance holds, the client's answer to a request
 * another instance waits for, a change every instance must hear about. Topics and
 * payloads are opaque strings; a broker delivers a payload to every current subscriber of
 * its topic, at most once, with no ordering across topics.
 * <p>
 * A single instance needs none of it: {@link #local()} publishes nothing.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public interface McpSessionBroker {

	/**
	 * Return the id of this instance, unique among the instances sharing the broker.
	 * @return the instance id, URL-safe
	 */
	String getInstanceId();

	/**
	 * Publish a payload, without waiting; a broker that cannot reach its backend logs and
	 * drops it.
	 * @param topic the topic
	 * @param payload the payload
	 */
	void publish(String topic, String payload);

	/**
	 * Receive the payloads published on a topic from now on, until the subscription is
	 * cancelled.
	 * @param topic the topic
	 * @return the payloads
	 */
	Flux<String> subscribe(String topic);

	/**
	 * Tell whether an instance is still running, for example to end a stream resumed from
	 * another instance at once when the instance writing it is gone rather than after an
	 * idle timeout. Every instance listens on its {@link #instanceTopic instance topic}
	 * while it runs. A broker that cannot tell answers {@code true}.
	 * @param instanceId the id of the instance
	 * @return whether it still runs
	 */
	default Mono<Boolean> isInstanceAlive(String instanceId) {
		return Mono.just(true);
	}

	/**
	 * Return the topic of the messages meant for one instance, such as a client's answer
	 * to a request that instance waits for.
	 * @param instanceId the id of the instance
	 * @return the topic
	 */
	static String instanceTopic(String instanceId) {
		return "mcp.instance." + instanceId;
	}

	/**
	 * Return a broker for a server running as a single instance: nothing is published and
	 * nothing is received.
	 * @return the broker
	 */
	static McpSessionBroker local() {
		String instanceId = HexFormat.of().formatHex(randomBytes());
		return new McpSessionBroker() {

			@Override
			public String getInstanceId() {
				return instanceId;
			}

			@Override
			public void publish(String topic, String payload) {
			}

			@Override
			public Flux<String> subscribe(String topic) {
				return Flux.never();
			}

		};
	}

	private static byte[] randomBytes() {
		byte[] bytes = new byte[6];
		new SecureRandom().nextBytes(bytes);
		return bytes;
	}

}
