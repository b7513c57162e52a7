package dev.mcpspring.actuate;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.mcpspring.server.McpServerFeatures;
import dev.mcpspring.server.McpSessionService;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.util.Assert;

/**
 * {@link ReactiveHealthIndicator} of the MCP server. It is {@code UP} when the server
 * offers at least one tool, prompt or resource and the session store answers in time;
 * otherwise {@code DOWN} with a generic reason, never the underlying exception. Details
 * count the features, live sessions and open long-lived streams ({@code GET} streams of
 * sessions, {@code subscriptions/listen} streams, legacy SSE connections), and name the
 * enabled transports.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class McpServerHealthIndicator implements ReactiveHealthIndicator {

	private static final Log logger = LogFactory.getLog(McpServerHealthIndicator.class);

	private final McpSessionService sessionService;

	private final List<String> transports;

	private final Duration timeout;

	/**
	 * Create an indicator.
	 * @param sessionService the server whose features, sessions and streams are checked
	 * @param transports the names of the enabled transports, such as
	 * {@code streamable-http}
	 * @param timeout how long the session store may take to count sessions
	 */
	public McpServerHealthIndicator(McpSessionService sessionService, List<String> transports, Duration timeout) {
		Assert.notNull(sessionService, "McpSessionService is required");
		Assert.notNull(transports, "Transports are required");
		Assert.isTrue(!timeout.isNegative() && !timeout.isZero(), "Timeout must be positive");
		this.sessionService = sessionService;
		this.transports = List.copyOf(transports);
		this.timeout = timeout;
	}

	@Override
	public Mono<Health> health() {
		Map<String, Object> details = featureDetails(this.sessionService.getEngine().getFeatures());
		boolean hasFeatures = details.values().stream().anyMatch((count) -> ((Integer) count) > 0);
		details.put("streams", this.sessionService.getOpenStreams().getOpenCount());
		details.put("transports", this.transports);
		return this.sessionService.getRepository().count().timeout(this.timeout).map((sessions) -> {
			details.put("sessions", sessions);
			Health.Builder builder = hasFeatures ? Health.up() : Health.down().withDetail("reason", "No features");
			return builder.withDetails(details).build();
		}).onErrorResume((ex) -> {
			if (logger.isDebugEnabled()) {
				logger.debug("Session store did not answer", ex);
			}
			return Mono
				.just(Health.down().withDetail("reason", "Session store unavailable").withDetails(details).build());
		});
	}

	private static Map<String, Object> featureDetails(McpServerFeatures features) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("tools", features.tools().getHandlers().size());
		details.put("prompts", features.prompts().getHandlers().size());
		details.put("resources", features.resources().getResources().getHandlers().size());
		details.put("resourceTemplates", features.resources().getTemplates().getHandlers().size());
		return details;
	}

}
