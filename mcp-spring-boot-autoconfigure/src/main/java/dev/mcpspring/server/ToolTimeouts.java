package dev.mcpspring.server;

import java.time.Duration;
import java.util.List;

import dev.mcpspring.model.CallToolResult;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Bounds how long a tool call runs: the tool's own timeout, else the server's default. A
 * call over its time is cancelled, so its work stops (a blocking method's thread is
 * interrupted), and it is answered with a tool error the model can read, rather than
 * holding the request until the client gives up.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
final class ToolTimeouts {

	private static final Log logger = LogFactory.getLog(ToolTimeouts.class);

	private final @Nullable Duration defaultTimeout;

	private final List<ToolTimeoutListener> listeners;

	ToolTimeouts(@Nullable Duration defaultTimeout, List<ToolTimeoutListener> listeners) {
		this.defaultTimeout = (defaultTimeout != null && !defaultTimeout.isNegative() && !defaultTimeout.isZero())
				? defaultTimeout : null;
		this.listeners = List.copyOf(listeners);
	}

	Mono<CallToolResult> apply(ToolHandler handler, String name, Mono<CallToolResult> call) {
		Duration timeout = timeoutOf(handler);
		if (timeout == null) {
			return call;
		}
		return call.timeout(timeout, Mono.fromSupplier(() -> timedOut(name, timeout)));
	}

	private @Nullable Duration timeoutOf(ToolHandler handler) {
		Duration own = handler.getTimeout();
		if (own == null) {
			return this.defaultTimeout;
		}
		return (own.isNegative() || own.isZero()) ? null : own;
	}

	private CallToolResult timedOut(String name, Duration timeout) {
		logger.warn("Tool '" + name + "' did not finish within " + timeout + " and was cancelled");
		this.listeners.forEach((listener) -> listener.onTimeout(name, timeout));
		return CallToolResult.error("Tool '" + name + "' timed out after " + format(timeout));
	}

	private static String format(Duration timeout) {
		return (timeout.toMillisPart() == 0) ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
	}

}
