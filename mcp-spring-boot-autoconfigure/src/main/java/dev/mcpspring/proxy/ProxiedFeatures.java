package dev.mcpspring.proxy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import dev.mcpspring.jsonrpc.JsonRpcErrorCodes;
import dev.mcpspring.model.CallToolResult;
import dev.mcpspring.model.GetPromptResult;
import dev.mcpspring.model.Prompt;
import dev.mcpspring.model.ReadResourceResult;
import dev.mcpspring.model.Resource;
import dev.mcpspring.model.ResourceTemplate;
import dev.mcpspring.model.Tool;
import dev.mcpspring.server.McpContextFactory;
import dev.mcpspring.server.McpException;
import dev.mcpspring.server.PromptGet;
import dev.mcpspring.server.PromptHandler;
import dev.mcpspring.server.ResourceHandler;
import dev.mcpspring.server.ResourceRead;
import dev.mcpspring.server.ToolCall;
import dev.mcpspring.server.ToolCallException;
import dev.mcpspring.server.ToolHandler;
import io.modelcontextprotocol.client.McpAsyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import org.jspecify.annotations.Nullable;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes the tools, prompts and resources an upstream server lists into handlers of this
 * server, under its prefix, that call the upstream server.
 *
 * @author MCP Spring Boot team
 */
final class ProxiedFeatures {

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private static final Duration HEALTH_CHECK_TIMEOUT = Duration.ofSeconds(5);

	private final UpstreamServer upstream;

	private final UpstreamConnection connection;

	private final ProgressRelay progress;

	private final McpContextFactory contexts;

	private final JsonMapper jsonMapper;

	ProxiedFeatures(UpstreamServer upstream, UpstreamConnection connection, ProgressRelay progress,
			McpContextFactory contexts, JsonMapper jsonMapper) {
		this.upstream = upstream;
		this.connection = connection;
		this.progress = progress;
		this.contexts = contexts;
		this.jsonMapper = jsonMapper;
	}

	String name(String upstreamName) {
		return this.upstream.prefix().isEmpty() ? upstreamName : this.upstream.prefix() + "_" + upstreamName;
	}

	String uri(String upstreamUri) {
		return this.upstream.prefix().isEmpty() ? upstreamUri : this.upstream.prefix() + "+" + upstreamUri;
	}

	private String upstreamUri(String uri) {
		String mount = uri("");
		return uri.startsWith(mount) ? uri.substring(mount.length()) : uri;
	}

	ToolHandler tool(McpSchema.Tool listed) {
		Tool converted = convert(listed, Tool.class);
		Tool tool = new Tool(name(listed.name()), converted.title(), converted.description(), converted.inputSchema(),
				converted.outputSchema(), converted.annotations(), converted.icons(), converted.meta(),
				converted.execution());
		return new ToolHandler() {

			@Override
			public Tool getTool() {
				return tool;
			}

			@Override
			public Mono<CallToolResult> call(ToolCall call) {
				return callTool(listed.name(), call);
			}

		};
	}

	private Mono<CallToolResult> callTool(String upstreamName, ToolCall call) {
		String token = this.progress.open(this.contexts.create(call.request()));
		McpSchema.CallToolRequest request = new McpSchema.CallToolRequest(upstreamName,
				this.jsonMapper.convertValue(call.arguments(), MAP), Map.of("progressToken", token));
		return upstream((client) -> client.callTool(request), CallToolResult.class, this::toolError)
			.doFinally((signal) -> this.progress.close(token));
	}

	PromptHandler prompt(McpSchema.Prompt listed) {
		Prompt converted = convert(listed, Prompt.class);
		Prompt prompt = new Prompt(name(listed.name()), converted.title(), converted.description(),
				(converted.arguments() != null) ? converted.arguments() : List.of(), converted.icons(),
				converted.meta());
		return new PromptHandler() {

			@Override
			public Prompt getPrompt() {
				return prompt;
			}

			@Override
			public Mono<GetPromptResult> get(PromptGet invocation) {
				McpSchema.GetPromptRequest request = new McpSchema.GetPromptRequest(listed.name(),
						ProxiedFeatures.this.jsonMapper.convertValue(invocation.arguments(), MAP));
				return upstream((client) -> client.getPrompt(request), GetPromptResult.class,
						ProxiedFeatures.this::featureError);
			}

		};
	}

	ResourceHandler resource(McpSchema.Resource listed) {
		Resource converted = convert(listed, Resource.class);
		Resource resource = new Resource(uri(listed.uri()), converted.name(), converted.title(),
				converted.description(), converted.mimeType(), converted.size(), converted.icons(),
				converted.annotations(), converted.meta());
		return new ProxiedResource(resource, null);
	}

	ResourceHandler resourceTemplate(McpSchema.ResourceTemplate listed) {
		ResourceTemplate converted = convert(listed, ResourceTemplate.class);
		ResourceTemplate template = new ResourceTemplate(uri(listed.uriTemplate()), converted.name(), converted.title(),
				converted.description(), converted.mimeType(), converted.icons(), converted.annotations(),
				converted.meta());
		return new ProxiedResource(null, template);
	}

	private Mono<ReadResourceResult> readResource(String uri) {
		McpSchema.ReadResourceRequest request = new McpSchema.ReadResourceRequest(upstreamUri(uri));
		return upstream((client) -> client.readResource(request), ReadResourceResult.class, this::featureError)
			.map((result) -> new ReadResourceResult(
					result.contents().stream().map((contents) -> contents.withUri(uri(contents.uri()))).toList()));
	}

	/**
	 * Call the upstream server, bounded by the timeout, and turn what it answers, or how
	 * it fails, into this server's terms.
	 */
	private <S, T> Mono<T> upstream(Function<McpAsyncClient, Mono<S>> call, Class<T> type,
			Function<String, Throwable> failure) {
		return this.connection.client()
			.flatMap((client) -> call.apply(client)
				.timeout(this.upstream.requestTimeout())
				.doOnError((ex) -> checkConnection(client, ex)))
			.map((result) -> convert(result, type))
			.onErrorMap((ex) -> translate(Exceptions.unwrap(ex), failure));
	}

	/**
	 * Drop the connection when a call failed because of it; after a timeout, only when
	 * the upstream server no longer answers a ping, since a slow tool is not a dead
	 * server.
	 */
	private void checkConnection(McpAsyncClient client, Throwable ex) {
		if (ex instanceof TimeoutException) {
			client.ping().timeout(HEALTH_CHECK_TIMEOUT).subscribe(null, (pingFailure) -> this.connection.reset(client));
		}
		else if (!(ex instanceof McpError error && error.getJsonRpcError() != null)) {
			this.connection.reset(client);
		}
	}

	private Throwable translate(Throwable ex, Function<String, Throwable> failure) {
		if (ex instanceof McpException || ex instanceof ToolCallException) {
			return ex;
		}
		if (ex instanceof McpError error && error.getJsonRpcError() != null) {
			return new McpException(error.getJsonRpcError().code(), error.getJsonRpcError().message());
		}
		if (ex instanceof TimeoutException) {
			return failure.apply("Upstream MCP server '" + this.upstream.name() + "' did not answer within "
					+ this.upstream.requestTimeout().toMillis() + " ms");
		}
		return failure.apply("Upstream MCP server '" + this.upstream.name() + "' is unavailable");
	}

	private Throwable toolError(String message) {
		return new ToolCallException(message);
	}

	private Throwable featureError(String message) {
		return new McpException(JsonRpcErrorCodes.INTERNAL_ERROR, message);
	}

	private <T> T convert(Object value, Class<T> type) {
		return this.jsonMapper.convertValue(value, type);
	}

	private final class ProxiedResource implements ResourceHandler {

		private final @Nullable Resource resource;

		private final @Nullable ResourceTemplate template;

		ProxiedResource(@Nullable Resource resource, @Nullable ResourceTemplate template) {
			this.resource = resource;
			this.template = template;
		}

		@Override
		public @Nullable Resource getResource() {
			return this.resource;
		}

		@Override
		public @Nullable ResourceTemplate getResourceTemplate() {
			return this.template;
		}

		@Override
		public Mono<ReadResourceResult> read(ResourceRead invocation) {
			return readResource(invocation.name());
		}

	}

}
