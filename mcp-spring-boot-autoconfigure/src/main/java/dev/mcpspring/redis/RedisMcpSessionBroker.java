package dev.mcpspring.redis;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import dev.mcpspring.server.session.McpSessionBroker;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.connection.ReactiveSubscription;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import org.springframework.util.Assert;

/**
 * {@link McpSessionBroker} over Redis pub/sub. Publishing does not wait for Redis; a
 * message that cannot be published is logged and dropped. A subscription whose connection
 * fails is made again, with a growing pause, until Redis answers, so instances hear each
 * other again after Redis restarts. Nothing connects before the first subscription, so
 * the application starts while Redis is down.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class RedisMcpSessionBroker implements McpSessionBroker, DisposableBean {

	private static final Log logger = LogFactory.getLog(RedisMcpSessionBroker.class);

	/**
	 * KEYS: channel. The number of subscribers of the channel.
	 */
	private static final RedisScript<Long> SUBSCRIBERS = RedisScript
		.of("return redis.call('PUBSUB', 'NUMSUB', KEYS[1])[2]", Long.class);

	private final ReactiveStringRedisTemplate redis;

	private final AtomicReference<@Nullable ReactiveRedisMessageListenerContainer> listenerContainer = new AtomicReference<>();

	private final String channelPrefix;

	private final Duration timeout;

	private final String instanceId;

	private final AtomicBoolean failing = new AtomicBoolean();

	/**
	 * Create a broker with a random instance id.
	 * @param redis the template to publish with; its connection factory also receives
	 * @param channelPrefix the prefix of every channel, such as {@code mcp:}
	 * @param timeout how long a publication may take before it is given up
	 */
	public RedisMcpSessionBroker(ReactiveStringRedisTemplate redis, String channelPrefix, Duration timeout) {
		Assert.notNull(redis, "ReactiveStringRedisTemplate is required");
		Assert.notNull(channelPrefix, "Channel prefix is required");
		this.redis = redis;
		this.channelPrefix = channelPrefix;
		this.timeout = timeout;
		byte[] bytes = new byte[6];
		new SecureRandom().nextBytes(bytes);
		this.instanceId = HexFormat.of().formatHex(bytes);
	}

	@Override
	public String getInstanceId() {
		return this.instanceId;
	}

	@Override
	public void publish(String topic, String payload) {
		// connecting may block the calling thread while Redis is down
		Mono.defer(() -> this.redis.convertAndSend(this.channelPrefix + topic, payload))
			.subscribeOn(Schedulers.boundedElastic())
			.timeout(this.timeout)
			.subscribe((receivers) -> this.failing.set(false), this::publishFailed);
	}

	private void publishFailed(Throwable ex) {
		if (!this.failing.getAndSet(true)) {
			logger.warn("Could not publish messages to other instances (logged once until Redis answers again): "
					+ ex.getClass().getSimpleName());
		}
		else if (logger.isDebugEnabled()) {
			logger.debug("Could not publish a message to other instances", ex);
		}
	}

	/**
	 * An instance runs while its subscription to its instance topic is open; Redis drops
	 * that subscription as soon as the instance's connection closes, so a process that
	 * was killed is seen as gone at once. When Redis cannot answer, the instance counts
	 * as running.
	 */
	@Override
	public Mono<Boolean> isInstanceAlive(String instanceId) {
		String channel = this.channelPrefix + McpSessionBroker.instanceTopic(instanceId);
		return this.redis.execute(SUBSCRIBERS, List.of(channel))
			.next()
			.map((subscribers) -> subscribers > 0)
			.timeout(this.timeout)
			.onErrorReturn(true)
			.defaultIfEmpty(true);
	}

	@Override
	public Flux<String> subscribe(String topic) {
		ChannelTopic channel = ChannelTopic.of(this.channelPrefix + topic);
		return Flux.defer(() -> listenerContainer().receive(channel))
			.map(ReactiveSubscription.Message::getMessage)
			.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(100))
				.maxBackoff(Duration.ofSeconds(2))
				.doBeforeRetry((signal) -> {
					if (logger.isDebugEnabled()) {
						logger.debug("Subscribing again to " + channel.getTopic() + " after " + signal.failure());
					}
				}));
	}

	/**
	 * Return the container of the subscriptions, connecting it on first use so that the
	 * application starts while Redis is down.
	 */
	private ReactiveRedisMessageListenerContainer listenerContainer() {
		ReactiveRedisMessageListenerContainer container = this.listenerContainer.get();
		if (container != null) {
			return container;
		}
		synchronized (this.listenerContainer) {
			container = this.listenerContainer.get();
			if (container == null) {
				container = new ReactiveRedisMessageListenerContainer(this.redis.getConnectionFactory());
				this.listenerContainer.set(container);
			}
			return container;
		}
	}

	@Override
	public void destroy() {
		ReactiveRedisMessageListenerContainer container = this.listenerContainer.getAndSet(null);
		if (container != null) {
			container.destroy();
		}
	}

}
