package dev.mcpspring.server.logging;

import java.util.Collection;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import dev.mcpspring.jsonrpc.JsonRpcError;
import dev.mcpspring.jsonrpc.JsonRpcMessage;
import dev.mcpspring.jsonrpc.JsonRpcNotification;
import dev.mcpspring.jsonrpc.JsonRpcRequest;
import dev.mcpspring.jsonrpc.JsonRpcResponse;
import dev.mcpspring.model.CallToolResult;
import dev.mcpspring.server.McpClientChannel;
import dev.mcpspring.server.McpClientResponse;
import dev.mcpspring.server.McpInterceptorOrder;
import dev.mcpspring.server.McpNotification;
import dev.mcpspring.server.McpOutboundMessage;
import dev.mcpspring.server.McpRequest;
import dev.mcpspring.server.McpResponse;
import dev.mcpspring.server.McpServerInterceptor;
import dev.mcpspring.server.McpStreamOperation;
import dev.mcpspring.server.session.McpSession;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.util.Assert;

/**
 * Logs the MCP traffic: every request as it arrives, the messages sent to the client
 * while it is served (progress, log messages, server-to-client requests) and the
 * response; the notifications and responses of the client; the messages of session and
 * listen streams; and streams opening and closing. One line each on the
 * {@value #LOGGER_NAME} logger. A line names the direction ({@code -->} from the client,
 * {@code <--} to it), the kind of message, the method, the id and the first characters of
 * the session id. At {@code INFO} that is all; at {@code DEBUG} the line ends with the
 * payload, with the values of secret-looking fields (passwords, tokens, keys,
 * authorization) replaced by asterisks and cut to a maximum length. Nothing is done while
 * the logger is above {@code INFO}.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class TrafficLoggingInterceptor implements McpServerInterceptor, Ordered {

	/**
	 * Name of the logger the traffic is written to.
	 */
	public static final String LOGGER_NAME = "dev.mcpspring.traffic";

	private static final Log logger = LogFactory.getLog(LOGGER_NAME);

	private static final int SESSION_PREFIX_LENGTH = 8;

	private final JsonMapper jsonMapper;

	private final SecretRedactor redactor;

	private final int maxPayloadLength;

	/**
	 * Create an interceptor.
	 * @param jsonMapper the mapper that turns results into JSON for logging
	 * @param secretWords the words that mark a field as secret, such as {@code password}
	 * or {@code token}, matched against the words of field names
	 * @param maxPayloadLength the largest number of characters of one logged payload
	 */
	public TrafficLoggingInterceptor(JsonMapper jsonMapper, Collection<String> secretWords, int maxPayloadLength) {
		Assert.notNull(jsonMapper, "JsonMapper is required");
		Assert.isTrue(maxPayloadLength > 0, "maxPayloadLength must be positive");
		this.jsonMapper = jsonMapper;
		this.redactor = new SecretRedactor(jsonMapper, secretWords);
		this.maxPayloadLength = maxPayloadLength;
	}

	@Override
	public int getOrder() {
		return McpInterceptorOrder.TRAFFIC_LOGGING;
	}

	@Override
	public Mono<Void> onNotification(McpNotification notification, NotificationChain chain) {
		if (logger.isInfoEnabled()) {
			log("--> notification " + printable(notification.method()) + " session="
					+ sessionPrefix(notification.sessionId()), notification.params());
		}
		return chain.next(notification);
	}

	@Override
	public Mono<Void> onClientResponse(McpClientResponse response, ClientResponseChain chain) {
		if (logger.isInfoEnabled()) {
			JsonRpcResponse message = response.message();
			JsonRpcError error = message.error();
			log("--> response id=" + message.id() + " session=" + sessionPrefix(response.sessionId())
					+ ((error != null) ? " error " + error.code() : " result"),
					(error != null) ? error : message.result());
		}
		return chain.next(response);
	}

	@Override
	public Mono<JsonRpcMessage> onOutbound(McpOutboundMessage message, OutboundChain chain) {
		// messages sent while a request is served are logged by intercept
		if (message.servedRequest() == null && logger.isInfoEnabled()) {
			logOutbound(message.message(), " session=" + sessionPrefix(message.sessionId()) + " on stream");
		}
		return chain.next(message);
	}

	@Override
	public Flux<JsonRpcMessage> onStream(McpStreamOperation operation, StreamChain chain) {
		if (!logger.isInfoEnabled()) {
			return chain.next(operation);
		}
		String line = "stream " + operation.kind().name().toLowerCase(Locale.ROOT) + " session="
				+ sessionPrefix(operation.sessionId());
		long start = System.nanoTime();
		return chain.next(operation)
			.doOnSubscribe((subscription) -> logger.info(line + " started"))
			.doFinally((signal) -> logger.info(line + " ended (" + signal.name().toLowerCase(Locale.ROOT) + ") after "
					+ millisSince(start) + " ms"));
	}

	@Override
	public Mono<McpResponse> intercept(McpRequest request, Chain chain) {
		if (!logger.isInfoEnabled()) {
			return chain.next(request);
		}
		JsonRpcRequest message = request.message();
		String session = sessionPrefix(request.sessionId());
		log("--> request " + printable(message.method()) + " id=" + message.id() + " session=" + session,
				message.params());
		McpClientChannel client = request.channel();
		McpClientChannel channel = (outbound) -> {
			logOutbound(outbound, " session=" + session + " during id=" + message.id());
			client.send(outbound);
		};
		McpRequest logged = request.withChannel(channel);
		long start = System.nanoTime();
		String answer = "<-- response " + printable(message.method()) + " id=" + message.id();
		return chain.next(logged)
			.doOnSuccess((response) -> logResponse(answer, session, response, start))
			.doOnError((ex) -> logger.info(answer + " session=" + session + " failed with "
					+ ex.getClass().getSimpleName() + " in " + millisSince(start) + " ms"))
			.doOnCancel(() -> logger.info(answer + " session=" + session + " abandoned: the client went away after "
					+ millisSince(start) + " ms"));
	}

	private void logResponse(String answer, String session, @Nullable McpResponse response, long start) {
		if (response == null) {
			logger.info(answer + " session=" + session + " none: cancelled after " + millisSince(start) + " ms");
			return;
		}
		JsonRpcResponse message = response.message();
		McpSession created = response.createdSession();
		String createdSession = (created != null) ? sessionPrefix(created.getId()) : session;
		String outcome = (message.error() != null) ? "error " + message.error().code()
				: (message.result() instanceof CallToolResult result && Boolean.TRUE.equals(result.isError()))
						? "result with isError" : "result";
		log(answer + " session=" + createdSession + " " + outcome + " in " + millisSince(start) + " ms",
				(message.error() != null) ? message.error() : message.result());
	}

	private void logOutbound(JsonRpcMessage outbound, String during) {
		if (outbound instanceof JsonRpcNotification notification) {
			log("<-- notification " + printable(notification.method()) + during, notification.params());
		}
		else if (outbound instanceof JsonRpcRequest request) {
			log("<-- request " + printable(request.method()) + " id=" + request.id() + during, request.params());
		}
		else if (outbound instanceof JsonRpcResponse response) {
			log("<-- response id=" + response.id() + during,
					(response.error() != null) ? response.error() : response.result());
		}
	}

	private void log(String line, @Nullable Object payload) {
		if (logger.isDebugEnabled()) {
			logger.debug((payload != null) ? line + " " + payload(payload) : line);
		}
		else {
			logger.info(line);
		}
	}

	private String payload(Object payload) {
		String text;
		try {
			JsonNode tree = (payload instanceof JsonNode node) ? node : this.jsonMapper.valueToTree(payload);
			text = this.redactor.redact(tree).toString();
		}
		catch (RuntimeException ex) {
			return "(" + payload.getClass().getSimpleName() + ", not shown: " + ex.getClass().getSimpleName() + ")";
		}
		if (text.length() <= this.maxPayloadLength) {
			return text;
		}
		return text.substring(0, this.maxPayloadLength) + "... (" + text.length() + " characters)";
	}

	private static String sessionPrefix(@Nullable String sessionId) {
		if (sessionId == null) {
			return "-";
		}
		return (sessionId.length() > SESSION_PREFIX_LENGTH) ? sessionId.substring(0, SESSION_PREFIX_LENGTH) : sessionId;
	}

	/**
	 * Escape control characters, so a method name sent by a client cannot start a log
	 * line of its own (issue 14.2).
	 */
	private static String printable(String text) {
		StringBuilder printable = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x20 || c == 0x7f) {
				printable.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
			}
			else {
				printable.append(c);
			}
		}
		return printable.toString();
	}

	private static long millisSince(long start) {
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
	}

}
