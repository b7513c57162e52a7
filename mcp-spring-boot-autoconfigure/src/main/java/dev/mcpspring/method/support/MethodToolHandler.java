package dev.mcpspring.method.support;

import java.time.Duration;

import dev.mcpspring.method.InvocableMcpHandlerMethod;
import dev.mcpspring.model.CallToolResult;
import dev.mcpspring.model.Tool;
import dev.mcpspring.schema.OutputSchema;
import dev.mcpspring.server.ToolCall;
import dev.mcpspring.server.ToolHandler;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * A {@link ToolHandler} backed by an {@code @McpTool} method.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class MethodToolHandler implements ToolHandler {

	private final Tool tool;

	private final InvocableMcpHandlerMethod handlerMethod;

	private final @Nullable OutputSchema outputSchema;

	private final ToolResultConverter resultConverter;

	private final @Nullable Duration timeout;

	/**
	 * Create a handler.
	 * @param tool the tool description
	 * @param handlerMethod the method to invoke
	 * @param outputSchema the output schema, or {@code null} when unstructured
	 * @param resultConverter converts return values
	 */
	public MethodToolHandler(Tool tool, InvocableMcpHandlerMethod handlerMethod, @Nullable OutputSchema outputSchema,
			ToolResultConverter resultConverter) {
		this(tool, handlerMethod, outputSchema, resultConverter, null);
	}

	/**
	 * Create a handler with a timeout of its own.
	 * @param tool the tool description
	 * @param handlerMethod the method to invoke
	 * @param outputSchema the output schema, or {@code null} when unstructured
	 * @param resultConverter converts return values
	 * @param timeout how long a call may run, {@link Duration#ZERO} for ever, or
	 * {@code null} for the server's default
	 */
	public MethodToolHandler(Tool tool, InvocableMcpHandlerMethod handlerMethod, @Nullable OutputSchema outputSchema,
			ToolResultConverter resultConverter, @Nullable Duration timeout) {
		this.tool = tool;
		this.handlerMethod = handlerMethod;
		this.outputSchema = outputSchema;
		this.resultConverter = resultConverter;
		this.timeout = timeout;
	}

	@Override
	public Tool getTool() {
		return this.tool;
	}

	@Override
	public Mono<CallToolResult> call(ToolCall call) {
		return this.handlerMethod.invoke(call)
			.map((value) -> this.resultConverter.convert(value, this.outputSchema))
			.defaultIfEmpty(this.resultConverter.convert(null, this.outputSchema));
	}

	@Override
	public @Nullable Duration getTimeout() {
		return this.timeout;
	}

	@Override
	public String toString() {
		return "MethodToolHandler '" + this.tool.name() + "' for " + this.handlerMethod;
	}

}
