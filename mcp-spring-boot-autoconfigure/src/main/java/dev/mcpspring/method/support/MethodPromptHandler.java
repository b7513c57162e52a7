package dev.mcpspring.method.support;

import java.util.Collection;
import java.util.List;

import dev.mcpspring.method.InvocableMcpHandlerMethod;
import dev.mcpspring.model.Content;
import dev.mcpspring.model.GetPromptResult;
import dev.mcpspring.model.Prompt;
import dev.mcpspring.model.PromptMessage;
import dev.mcpspring.server.PromptGet;
import dev.mcpspring.server.PromptHandler;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * A {@link PromptHandler} backed by an {@code @McpPrompt} method.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class MethodPromptHandler implements PromptHandler {

	private final Prompt prompt;

	private final InvocableMcpHandlerMethod handlerMethod;

	/**
	 * Create a handler.
	 * @param prompt the prompt description
	 * @param handlerMethod the method to invoke
	 */
	public MethodPromptHandler(Prompt prompt, InvocableMcpHandlerMethod handlerMethod) {
		this.prompt = prompt;
		this.handlerMethod = handlerMethod;
	}

	@Override
	public Prompt getPrompt() {
		return this.prompt;
	}

	@Override
	public Mono<GetPromptResult> get(PromptGet invocation) {
		return this.handlerMethod.invoke(invocation)
			.map(this::convert)
			.switchIfEmpty(Mono.fromSupplier(() -> convert(null)));
	}

	private GetPromptResult convert(@Nullable Object value) {
		if (value instanceof GetPromptResult result) {
			return result;
		}
		if (value instanceof PromptMessage message) {
			return new GetPromptResult(this.prompt.description(), List.of(message));
		}
		if (value instanceof Content content) {
			return new GetPromptResult(this.prompt.description(), List.of(PromptMessage.user(content)));
		}
		if (value instanceof Collection<?> messages && messages.stream().allMatch(PromptMessage.class::isInstance)) {
			return new GetPromptResult(this.prompt.description(),
					messages.stream().map(PromptMessage.class::cast).toList());
		}
		if (value instanceof CharSequence text) {
			return new GetPromptResult(this.prompt.description(), List.of(PromptMessage.user(text.toString())));
		}
		throw new IllegalStateException("Prompt '" + this.prompt.name() + "' returned an unsupported value: "
				+ ((value != null) ? value.getClass().getName() : "null"));
	}

}
