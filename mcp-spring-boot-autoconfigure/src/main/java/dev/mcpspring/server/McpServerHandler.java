package dev.mcpspring.server;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import dev.mcpspring.jsonrpc.JsonRpcError;
import dev.mcpspring.jsonrpc.JsonRpcErrorCodes;
import dev.mcpspring.jsonrpc.JsonRpcException;
import dev.mcpspring.jsonrpc.JsonRpcNotification;
import dev.mcpspring.jsonrpc.JsonRpcResponse;
import dev.mcpspring.model.CallToolResult;
import dev.mcpspring.model.Implementation;
import dev.mcpspring.model.InitializeResult;
import dev.mcpspring.model.ServerCapabilities;
import dev.mcpspring.server.session.McpSession;
import dev.mcpspring.server.session.McpSessionRepository;
import dev.mcpspring.server.session.SessionLimitExceededException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.util.Assert;

/**
 * The MCP server engine: serves the lifecycle and the tool methods of a session,
 * independent of the transport that carries the messages.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 * @see <a href=
 * "https://modelcontextprotocol.io/specification/2025-11-25/basic/lifecycle">Lifecycle</a>
 */
public class McpServerHandler {

	private static final Log logger = LogFactory.getLog(McpServerHandler.class);

	private static final Map<String, Object> EMPTY_RESULT = Map.of();

	private final SecureRandom random = new SecureRandom();

	private final Implementation serverInfo;

	private final @Nullable String instructions;

	private final ToolRegistry toolRegistry;

	private final McpSessionRepository sessionRepository;

	private final List<McpExceptionResolver> exceptionResolvers;

	private final int pageSize;

	private final Clock clock;

	/**
	 * Create an engine.
	 * @param serverInfo the name and version sent to clients
	 * @param instructions how to use the server, for the model, or {@code null}
	 * @param toolRegistry the tools
	 * @param sessionRepository where sessions are kept
	 * @param exceptionResolvers resolvers for tool errors, in order
	 * @param pageSize the maximum number of items per list page
	 * @param clock the clock for session times
	 */
	public McpServerHandler(Implementation serverInfo, @Nullable String instructions, ToolRegistry toolRegistry,
			McpSessionRepository sessionRepository, List<McpExceptionResolver> exceptionResolvers, int pageSize,
			Clock clock) {
		Assert.notNull(serverInfo, "Implementation is required");
		Assert.notNull(toolRegistry, "ToolRegistry is required");
		Assert.notNull(sessionRepository, "McpSessionRepository is required");
		Assert.isTrue(pageSize > 0, "pageSize must be positive");
		this.serverInfo = serverInfo;
		this.instructions = instructions;
		this.toolRegistry = toolRegistry;
		this.sessionRepository = sessionRepository;
		this.exceptionResolvers = List.copyOf(exceptionResolvers);
		this.pageSize = pageSize;
		this.clock = clock;
	}

	/**
	 * Return the session repository, for transports that look sessions up.
	 * @return the repository
	 */
	public McpSessionRepository getSessionRepository() {
		return this.sessionRepository;
	}

	/**
	 * Serve a request. Failures become JSON-RPC error responses, except
	 * {@link SessionLimitExceededException}, which transports answer with their own
	 * "try later" status.
	 * @param request the request
	 * @return the response, with the session created by {@code initialize}
	 */
	public Mono<McpResponse> handle(McpRequest request) {
		return Mono.defer(() -> dispatch(request))
			.onErrorResume((ex) -> !(ex instanceof SessionLimitExceededException),
					(ex) -> Mono.just(failure(request, ex)));
	}

	private Mono<McpResponse> dispatch(McpRequest request) {
		return switch (request.method()) {
			case "initialize" -> initialize(request);
			case "ping" -> respond(request, Mono.just(EMPTY_RESULT));
			case "tools/list" -> respond(request, Mono.fromSupplier(() -> listTools(request)));
			case "tools/call" -> respond(request, callTool(request));
			default -> Mono.error(new McpException(JsonRpcErrorCodes.METHOD_NOT_FOUND, "Method not found"));
		};
	}

	/**
	 * Handle a notification from the client.
	 * @param notification the notification
	 * @param session the session it belongs to, or {@code null}
	 * @return completes when handled
	 */
	public Mono<Void> handleNotification(JsonRpcNotification notification, @Nullable McpSession session) {
		if ("notifications/initialized".equals(notification.method()) && session != null) {
			session.markInitialized();
		}
		else if (logger.isDebugEnabled()) {
			logger.debug("Ignoring notification " + notification.method());
		}
		return Mono.empty();
	}

	private Mono<McpResponse> initialize(McpRequest request) {
		ObjectNode params = requireParams(request);
		JsonNode requested = params.get("protocolVersion");
		if (requested == null || !requested.isString()) {
			return Mono.error(new McpException(JsonRpcErrorCodes.INVALID_PARAMS, "Missing protocolVersion"));
		}
		String version = ProtocolVersions.negotiate(requested.asString());
		McpSession session = new McpSession(newSessionId(), version, params.get("clientInfo"),
				params.get("capabilities"), this.clock.instant());
		InitializeResult result = new InitializeResult(version, capabilities(), this.serverInfo, this.instructions);
		return this.sessionRepository.save(session)
			.map((saved) -> new McpResponse(JsonRpcResponse.success(request.message().id(), result), saved));
	}

	private ServerCapabilities capabilities() {
		return new ServerCapabilities(new ServerCapabilities.ListChanged(false));
	}

	private Object listTools(McpRequest request) {
		JsonNode cursor = (request.params() != null) ? request.params().get("cursor") : null;
		if (cursor != null && !cursor.isNull() && !cursor.isString()) {
			throw new McpException(JsonRpcErrorCodes.INVALID_PARAMS, "Invalid cursor");
		}
		return this.toolRegistry.page((cursor != null && cursor.isString()) ? cursor.asString() : null,
				this.pageSize);
	}

	private Mono<CallToolResult> callTool(McpRequest request) {
		ObjectNode params = requireParams(request);
		JsonNode name = params.get("name");
		if (name == null || !name.isString()) {
			return Mono.error(new McpException(JsonRpcErrorCodes.INVALID_PARAMS, "Missing tool name"));
		}
		ToolHandler handler = this.toolRegistry.get(name.asString());
		if (handler == null) {
			return Mono.error(new McpException(JsonRpcErrorCodes.INVALID_PARAMS, "Unknown tool: " + name.asString()));
		}
		JsonNode arguments = params.get("arguments");
		if (arguments != null && !arguments.isNull() && !arguments.isObject()) {
			return Mono.error(new McpException(JsonRpcErrorCodes.INVALID_PARAMS, "arguments must be an object"));
		}
		ToolCall call = new ToolCall(name.asString(),
				(arguments instanceof ObjectNode object) ? object : JsonNodeFactory.instance.objectNode(), request);
		return Mono.defer(() -> handler.call(call)).onErrorResume((ex) -> resolveException(ex, call));
	}

	private Mono<CallToolResult> resolveException(Throwable ex, ToolCall call) {
		if (ex instanceof JsonRpcException) {
			return Mono.error(ex);
		}
		return Flux.fromIterable(this.exceptionResolvers)
			.concatMap((resolver) -> resolver.resolveException(ex, call))
			.next()
			.switchIfEmpty(Mono.fromSupplier(() -> {
				logger.error("Tool '" + call.name() + "' failed", ex);
				return CallToolResult.error("An internal error occurred while running tool '" + call.name() + "'");
			}));
	}

	private static Mono<McpResponse> respond(McpRequest request, Mono<?> result) {
		return result.map((value) -> new McpResponse(JsonRpcResponse.success(request.message().id(), value), null));
	}

	private static McpResponse failure(McpRequest request, Throwable ex) {
		JsonRpcError error;
		if (ex instanceof JsonRpcException rpcException) {
			error = rpcException.getError();
		}
		else {
			logger.error("Failed to handle " + request.method(), ex);
			error = JsonRpcError.of(JsonRpcErrorCodes.INTERNAL_ERROR, "Internal error");
		}
		return new McpResponse(JsonRpcResponse.failure(request.message().id(), error), null);
	}

	private static ObjectNode requireParams(McpRequest request) {
		ObjectNode params = request.params();
		if (params == null) {
			throw new McpException(JsonRpcErrorCodes.INVALID_PARAMS, "Missing params");
		}
		return params;
	}

	private String newSessionId() {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
