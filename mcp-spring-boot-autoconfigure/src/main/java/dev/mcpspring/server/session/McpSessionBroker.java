package dev.mcpspring.server.session;

import java.security.SecureRandom;
import java.util.HexFormat;

import reactor.core.publisher.Flux;

/**
 * Carries messages between the instances that serve the sessions of one server: a
 * message for a client whose stream another instance holds, the client's answer to a
 * request another instance waits for, a change every instance must hear about. Topics
 * and payloads are opaque strings; a broker delivers a payload to every current
 * subscriber of its topic, at most once, with no ordering across topics.
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
	 * Publish a payload, without waiting; a broker that cannot reach its backend logs
	 * and drops it.
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
	 * Return a broker for a server running as a single instance: nothing is published
	 * and nothing is received.
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
