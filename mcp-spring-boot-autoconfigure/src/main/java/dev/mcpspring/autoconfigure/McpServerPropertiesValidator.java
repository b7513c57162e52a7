package dev.mcpspring.autoconfigure;

import java.time.Duration;
import java.util.Base64;
import java.util.regex.Pattern;

import dev.mcpspring.autoconfigure.diagnostics.InvalidMcpPropertyException;

import org.springframework.util.unit.DataSize;

/**
 * Checks bound {@link McpServerProperties}, so that a value the server cannot work with
 * fails startup with an {@link InvalidMcpPropertyException} that names the property and
 * the fix, rather than an assertion deep inside a bean. Secrets are never shown.
 *
 * @author MCP Spring Boot team
 */
final class McpServerPropertiesValidator {

	private static final String PREFIX = "mcp.server.";

	/**
	 * Smallest request state key, in bytes, as {@code RequestStateCodec} requires.
	 */
	private static final int MIN_REQUEST_STATE_KEY_BYTES = 32;

	/**
	 * A literal absolute path: no wildcards, variables, query, fragment or spaces.
	 */
	private static final Pattern LITERAL_PATH = Pattern.compile("/([A-Za-z0-9._~!$&'()+,;=:@%-]+/?)*");

	private static final String PATH_REASON = "must be a literal path that starts with '/', "
			+ "without wildcards, variables, query, fragment or spaces";

	private McpServerPropertiesValidator() {
	}

	static void validate(McpServerProperties properties) {
		positive("page-size", properties.getPageSize(), "100");
		positive("client-request-timeout", properties.getClientRequestTimeout(), "5m");
		positive("session.max-sessions", properties.getSession().getMaxSessions(), "10000");
		positive("session.idle-timeout", properties.getSession().getIdleTimeout(), "30m");
		positive("session.attributes.max-count", properties.getSession().getAttributes().getMaxCount(), "100");
		positive("session.attributes.max-size", properties.getSession().getAttributes().getMaxSize().toBytes(), "64KB");
		validateStateless(properties.getStateless());
		validateLimits(properties.getLimits());
		McpTransportProperties transport = properties.getTransport();
		McpTransportProperties.StreamableHttp streamableHttp = transport.getStreamableHttp();
		Integer eventLoopThreads = transport.getEventLoopThreads();
		if (eventLoopThreads != null) {
			positive("transport.event-loop-threads", eventLoopThreads, "the number of CPUs");
		}
		path("transport.streamable-http.path", streamableHttp.getPath());
		positive("transport.streamable-http.keep-alive-interval", streamableHttp.getKeepAliveInterval(), "15s");
		notNegative("transport.streamable-http.replay-events", streamableHttp.getReplayEvents(), "100");
		notNegative("transport.streamable-http.replay-retention", streamableHttp.getReplayRetention(), "5m");
		notNegative("transport.streamable-http.replay-streams", streamableHttp.getReplayStreams(), "1000");
		validateSse(transport.getSse(), streamableHttp.getPath());
		validateCors(transport.getCors());
		positive("logging.max-payload-length", properties.getLogging().getMaxPayloadLength(), "2000");
		Duration toolTimeout = properties.getTools().getTimeout();
		if (toolTimeout != null) {
			notNegative("tools.timeout", toolTimeout, "30s, or 0 for none");
		}
	}

	private static void validateStateless(McpStatelessProperties stateless) {
		positive("stateless.request-state-ttl", stateless.getRequestStateTtl(), "10m");
		notNegative("stateless.list-ttl", stateless.getListTtl(), "5m");
		notNegative("stateless.read-ttl", stateless.getReadTtl(), "0s");
		stateless.getRequestStateKeys().forEach(McpServerPropertiesValidator::requestStateKey);
	}

	private static void requestStateKey(String id, String secret) {
		String property = PREFIX + "stateless.request-state-keys." + id;
		String action = "Set " + property + " to a random secret of at least " + MIN_REQUEST_STATE_KEY_BYTES
				+ " bytes in Base64, for example the output of 'openssl rand -base64 32', the same on every replica.";
		byte[] decoded;
		try {
			decoded = Base64.getDecoder().decode(secret.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidMcpPropertyException(property, null, "must be Base64", action);
		}
		if (decoded.length < MIN_REQUEST_STATE_KEY_BYTES) {
			throw new InvalidMcpPropertyException(property, null,
					"must decode to at least " + MIN_REQUEST_STATE_KEY_BYTES + " bytes, not " + decoded.length, action);
		}
	}

	private static void validateLimits(McpLimitsProperties limits) {
		DataSize maxRequestSize = limits.getMaxRequestSize();
		if (maxRequestSize.toBytes() < 1 || maxRequestSize.toBytes() > Integer.MAX_VALUE) {
			throw new InvalidMcpPropertyException(PREFIX + "limits.max-request-size", maxRequestSize,
					"must be at least 1B and below 2GB",
					"Set " + PREFIX + "limits.max-request-size to a size such as 4MB.");
		}
		Integer maxConcurrentToolCalls = limits.getMaxConcurrentToolCalls();
		if (maxConcurrentToolCalls != null) {
			positive("limits.max-concurrent-tool-calls", maxConcurrentToolCalls, "32, or remove it for no limit");
		}
		positive("limits.max-pending-stream-events", limits.getMaxPendingStreamEvents(), "1000");
		positive("limits.stream-write-timeout", limits.getStreamWriteTimeout(), "30s");
		McpLimitsProperties.RateLimit rateLimit = limits.getRateLimit();
		positive("limits.rate-limit.capacity", rateLimit.getCapacity(), "100");
		positive("limits.rate-limit.period", rateLimit.getPeriod(), "1m");
		positive("limits.rate-limit.max-clients", rateLimit.getMaxClients(), "10000");
	}

	private static void validateSse(McpTransportProperties.Sse sse, String streamableHttpPath) {
		path("transport.sse.path", sse.getPath());
		path("transport.sse.message-path", sse.getMessagePath());
		if (!sse.isEnabled()) {
			return;
		}
		differs("transport.sse.path", sse.getPath(), "transport.streamable-http.path", streamableHttpPath);
		differs("transport.sse.message-path", sse.getMessagePath(), "transport.streamable-http.path",
				streamableHttpPath);
		differs("transport.sse.message-path", sse.getMessagePath(), "transport.sse.path", sse.getPath());
	}

	private static void validateCors(McpTransportProperties.Cors cors) {
		if (cors.isAllowCredentials() && cors.getAllowedOrigins().contains("*")) {
			throw new InvalidMcpPropertyException(PREFIX + "transport.cors.allowed-origins", "*",
					"must not contain '*' when allow-credentials is true",
					"List the origins in " + PREFIX + "transport.cors.allowed-origins, such as "
							+ "https://app.example.com, or set " + PREFIX
							+ "transport.cors.allow-credentials to false.");
		}
		notNegative("transport.cors.max-age", cors.getMaxAge(), "30m");
	}

	private static void positive(String name, int value, String example) {
		if (value <= 0) {
			throw invalid(name, value, "must be positive", example);
		}
	}

	private static void positive(String name, long value, String example) {
		if (value <= 0) {
			throw invalid(name, value, "must be positive", example);
		}
	}

	private static void positive(String name, Duration value, String example) {
		if (value.isNegative() || value.isZero()) {
			throw invalid(name, value, "must be positive", example);
		}
	}

	private static void notNegative(String name, int value, String example) {
		if (value < 0) {
			throw invalid(name, value, "must not be negative", example);
		}
	}

	private static void notNegative(String name, Duration value, String example) {
		if (value.isNegative()) {
			throw invalid(name, value, "must not be negative", example);
		}
	}

	private static void path(String name, String value) {
		if (!LITERAL_PATH.matcher(value).matches()) {
			throw new InvalidMcpPropertyException(PREFIX + name, value, PATH_REASON,
					"Set " + PREFIX + name + " to a path such as /mcp.");
		}
	}

	private static void differs(String name, String value, String otherName, String otherValue) {
		if (value.equals(otherValue)) {
			throw new InvalidMcpPropertyException(PREFIX + name, value, "must differ from " + PREFIX + otherName,
					"Give " + PREFIX + name + " and " + PREFIX + otherName + " different paths.");
		}
	}

	private static InvalidMcpPropertyException invalid(String name, Object value, String reason, String example) {
		String wanted = reason.equals("must be positive") ? "a positive value" : "zero or more";
		return new InvalidMcpPropertyException(PREFIX + name, value, reason,
				"Set " + PREFIX + name + " to " + wanted + ", for example " + example + ".");
	}

}
