package dev.mcpspring.method.support;

import java.time.Duration;
import java.util.List;

import dev.mcpspring.method.InputSchemaValidator.CompiledSchema;
import dev.mcpspring.model.CallToolResult;
import dev.mcpspring.model.Tool;
import dev.mcpspring.server.InvalidArgumentsException;
import dev.mcpspring.server.InvalidArgumentsException.FieldError;
import dev.mcpspring.server.ToolCall;
import dev.mcpspring.server.ToolHandler;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * A {@link ToolHandler} that checks the arguments of each call against the tool's
 * hand-written input schema before it calls the tool. Violations become an
 * {@link InvalidArgumentsException}, a result of {@code isError: true}.
 *
 * @author MCP Spring Boot team
 */
final class SchemaValidatingToolHandler implements ToolHandler {

	private final ToolHandler delegate;

	private final CompiledSchema inputSchema;

	SchemaValidatingToolHandler(ToolHandler delegate, CompiledSchema inputSchema) {
		this.delegate = delegate;
		this.inputSchema = inputSchema;
	}

	@Override
	public Tool getTool() {
		return this.delegate.getTool();
	}

	@Override
	public Mono<CallToolResult> call(ToolCall call) {
		List<FieldError> errors = this.inputSchema.validate(call.arguments());
		if (!errors.isEmpty()) {
			return Mono.error(new InvalidArgumentsException(errors));
		}
		return this.delegate.call(call);
	}

	@Override
	public @Nullable Duration getTimeout() {
		return this.delegate.getTimeout();
	}

	@Override
	public String toString() {
		return this.delegate.toString();
	}

}
