package dev.mcpspring.observation;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.mcpspring.observation.McpObservationDocumentation.HighCardinalityKeyNames;
import dev.mcpspring.observation.McpObservationDocumentation.LowCardinalityKeyNames;
import dev.mcpspring.server.McpRequest;
import dev.mcpspring.server.McpResponse;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Default {@link McpServerObservationConvention}: the observation is named
 * {@value #DEFAULT_NAME}, so Micrometer records a timer exported to Prometheus as
 * {@code mcp_server_operation_seconds}, and spans are named like
 * {@code tools/call search_books}.
 * <p>
 * Every low-cardinality value is bounded: a method that no MCP revision defines, and a
 * tool or prompt that is not registered, is tagged {@value #UNKNOWN}, so that clients
 * cannot create series at will. The tag set of each distinct combination of values is
 * built once and cached (by this class, not by subclasses, whose values may depend on
 * more of the request).
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class DefaultMcpServerObservationConvention implements McpServerObservationConvention {

	/**
	 * Default name of the observation.
	 */
	public static final String DEFAULT_NAME = "mcp.server.operation";

	/**
	 * Value of a key that does not apply to the request.
	 */
	protected static final String NONE = "none";

	/**
	 * Value of a tool or prompt name that is not registered.
	 */
	protected static final String UNKNOWN = "unknown";

	/**
	 * The requests an MCP server serves, in any revision up to 2026-07-28 and the tasks
	 * extension; other method names are tagged {@value #UNKNOWN}.
	 */
	private static final Set<String> SERVER_METHODS = Set.of("initialize", "ping", "completion/complete",
			"logging/setLevel", "prompts/list", "prompts/get", "resources/list", "resources/templates/list",
			"resources/read", "resources/subscribe", "resources/unsubscribe", "tools/list", "tools/call", "tasks/get",
			"tasks/list", "tasks/cancel", "tasks/result", "tasks/update", "server/discover", "subscriptions/listen");

	/**
	 * Most tag sets cached. The values are bounded, so a server has far fewer
	 * combinations; past this, tag sets are built per request.
	 */
	static final int MAX_CACHED_TAG_SETS = 1024;

	private final String name;

	private final boolean cacheTagSets;

	private final Map<TagSetKey, KeyValues> tagSets = new ConcurrentHashMap<>();

	/**
	 * Create a convention with the default name.
	 */
	public DefaultMcpServerObservationConvention() {
		this(DEFAULT_NAME);
	}

	/**
	 * Create a convention with a custom name.
	 * @param name the observation name, such as {@code mcp.server.operation.duration}
	 */
	public DefaultMcpServerObservationConvention(String name) {
		this.name = name;
		// a subclass may derive its values from more than the cache key
		this.cacheTagSets = (getClass() == DefaultMcpServerObservationConvention.class);
	}

	@Override
	public String getName() {
		return this.name;
	}

	@Override
	public String getContextualName(McpServerObservationContext context) {
		String method = knownMethod(context.getRequest().method());
		String target = (context.getToolName() != null) ? context.getToolName() : context.getPromptName();
		return (target != null) ? method + " " + target : method;
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(McpServerObservationContext context) {
		if (!this.cacheTagSets) {
			return lowCardinalityKeyValues(context);
		}
		TagSetKey key = new TagSetKey(knownMethod(context.getRequest().method()), context.getToolName(),
				context.getPromptName(), context.getErrorType(), protocolVersionOf(context.getRequest()));
		KeyValues cached = this.tagSets.get(key);
		if (cached != null) {
			return cached;
		}
		KeyValues values = lowCardinalityKeyValues(context);
		if (this.tagSets.size() < MAX_CACHED_TAG_SETS) {
			this.tagSets.putIfAbsent(key, values);
		}
		return values;
	}

	private KeyValues lowCardinalityKeyValues(McpServerObservationContext context) {
		return KeyValues.of(methodName(context), toolName(context), promptName(context), errorType(context),
				protocolVersion(context));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(McpServerObservationContext context) {
		KeyValues values = KeyValues.of(requestId(context));
		String sessionId = sessionId(context);
		if (sessionId != null) {
			values = values.and(HighCardinalityKeyNames.SESSION_ID.withValue(sessionId));
		}
		String uri = resourceUri(context.getRequest());
		if (uri != null) {
			values = values.and(HighCardinalityKeyNames.RESOURCE_URI.withValue(uri));
		}
		return values;
	}

	protected KeyValue methodName(McpServerObservationContext context) {
		return LowCardinalityKeyNames.METHOD_NAME.withValue(knownMethod(context.getRequest().method()));
	}

	protected KeyValue toolName(McpServerObservationContext context) {
		return LowCardinalityKeyNames.TOOL_NAME.withValue(featureName(context, "tools/call", context.getToolName()));
	}

	protected KeyValue promptName(McpServerObservationContext context) {
		return LowCardinalityKeyNames.PROMPT_NAME
			.withValue(featureName(context, "prompts/get", context.getPromptName()));
	}

	private static String featureName(McpServerObservationContext context, String method, @Nullable String name) {
		if (!context.getRequest().method().equals(method)) {
			return NONE;
		}
		return (name != null) ? name : UNKNOWN;
	}

	protected KeyValue errorType(McpServerObservationContext context) {
		String errorType = context.getErrorType();
		return LowCardinalityKeyNames.ERROR_TYPE.withValue((errorType != null) ? errorType : NONE);
	}

	protected KeyValue protocolVersion(McpServerObservationContext context) {
		return LowCardinalityKeyNames.PROTOCOL_VERSION.withValue(protocolVersionOf(context.getRequest()));
	}

	private static String protocolVersionOf(McpRequest request) {
		return (request.session() != null) ? request.session().getProtocolVersion() : request.protocolVersion();
	}

	private static String knownMethod(String method) {
		return SERVER_METHODS.contains(method) ? method : UNKNOWN;
	}

	protected KeyValue requestId(McpServerObservationContext context) {
		JsonNode id = context.getRequest().message().id();
		return HighCardinalityKeyNames.REQUEST_ID.withValue(id.isString() ? id.asString() : id.toString());
	}

	private static @Nullable String sessionId(McpServerObservationContext context) {
		return context.getRequest().sessionId();
	}

	private static @Nullable String resourceUri(McpRequest request) {
		if (!request.method().startsWith("resources/")) {
			return null;
		}
		ObjectNode params = request.params();
		JsonNode uri = (params != null) ? params.get("uri") : null;
		return (uri != null && uri.isString()) ? uri.asString() : null;
	}

	/**
	 * What the low-cardinality values of a request depend on.
	 */
	private record TagSetKey(String method, @Nullable String toolName, @Nullable String promptName,
			@Nullable String errorType, String protocolVersion) {

	}

}
