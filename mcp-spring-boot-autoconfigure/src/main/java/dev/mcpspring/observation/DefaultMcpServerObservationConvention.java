package dev.mcpspring.observation;

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

	private final String name;

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
	}

	@Override
	public String getName() {
		return this.name;
	}

	@Override
	public String getContextualName(McpServerObservationContext context) {
		String method = context.getRequest().method();
		String target = (context.getToolName() != null) ? context.getToolName() : context.getPromptName();
		return (target != null) ? method + " " + target : method;
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(McpServerObservationContext context) {
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
		return LowCardinalityKeyNames.METHOD_NAME.withValue(context.getRequest().method());
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
		McpRequest request = context.getRequest();
		String version = (request.session() != null) ? request.session().getProtocolVersion()
				: request.protocolVersion();
		return LowCardinalityKeyNames.PROTOCOL_VERSION.withValue(version);
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

}
