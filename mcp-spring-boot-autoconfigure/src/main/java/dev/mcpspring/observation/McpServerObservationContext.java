package dev.mcpspring.observation;

import dev.mcpspring.server.McpRequest;
import dev.mcpspring.server.McpResponse;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.RequestReplyReceiverContext;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Context of an MCP request observation. The request is the carrier of the caller's trace
 * context: a tracer reads {@code traceparent} and {@code tracestate} from
 * {@code params._meta}, as the OpenTelemetry MCP conventions recommend, or else from the
 * HTTP headers of the request, and continues that trace.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 * @see <a href=
 * "https://opentelemetry.io/docs/specs/semconv/gen-ai/mcp/#context-propagation">Context
 * propagation</a>
 */
public class McpServerObservationContext extends RequestReplyReceiverContext<McpRequest, McpResponse> {

	private @Nullable String errorType;

	private @Nullable String toolName;

	private @Nullable String promptName;

	/**
	 * Create a context for a request.
	 * @param request the request, also the carrier of the trace context
	 */
	public McpServerObservationContext(McpRequest request) {
		super(McpServerObservationContext::getMetaValue, Kind.SERVER);
		setCarrier(request);
	}

	private static @Nullable String getMetaValue(McpRequest request, String key) {
		ObjectNode params = request.params();
		JsonNode value = (params != null) ? params.path("_meta").get(key) : null;
		return (value != null && value.isString()) ? value.asString() : request.headers().getFirst(key);
	}

	/**
	 * Return the request being observed.
	 * @return the request
	 */
	public McpRequest getRequest() {
		return getCarrier();
	}

	/**
	 * Return why the request failed, set by the interceptor from the response or the
	 * error.
	 * @return the error type, or {@code null} on success
	 */
	public @Nullable String getErrorType() {
		return this.errorType;
	}

	/**
	 * Set why the request failed.
	 * @param errorType the error type, or {@code null} on success
	 */
	public void setErrorType(@Nullable String errorType) {
		this.errorType = errorType;
	}

	/**
	 * Return the name of the called tool, when it is registered.
	 * @return the tool name, or {@code null} when the request calls no known tool
	 */
	public @Nullable String getToolName() {
		return this.toolName;
	}

	/**
	 * Set the name of the called tool.
	 * @param toolName the name of a registered tool, or {@code null}
	 */
	public void setToolName(@Nullable String toolName) {
		this.toolName = toolName;
	}

	/**
	 * Return the name of the requested prompt, when it is registered.
	 * @return the prompt name, or {@code null} when the request gets no known prompt
	 */
	public @Nullable String getPromptName() {
		return this.promptName;
	}

	/**
	 * Set the name of the requested prompt.
	 * @param promptName the name of a registered prompt, or {@code null}
	 */
	public void setPromptName(@Nullable String promptName) {
		this.promptName = promptName;
	}

}
