package dev.mcpspring.method.support;

import java.util.concurrent.Callable;

import dev.mcpspring.method.ThreadContextPropagator;
import dev.mcpspring.server.McpInvocation;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import org.jspecify.annotations.Nullable;
import reactor.util.context.ContextView;

import org.springframework.util.Assert;

/**
 * Carries every value that Micrometer's context-propagation library knows how to move
 * between threads, such as the current observation (and with it the trace and span of
 * Micrometer Tracing), from the request to the thread of a blocking handler method. The
 * values are taken from the thread-local values of the calling thread and from the
 * Reactor context of the request, the latter winning. Installs no global Reactor hook.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 * @see ContextSnapshotFactory
 */
public class MicrometerThreadContextPropagator implements ThreadContextPropagator {

	private final ContextSnapshotFactory snapshotFactory;

	/**
	 * Create a propagator with the default {@link ContextSnapshotFactory}, which knows
	 * the accessors registered with the global {@code ContextRegistry}.
	 */
	public MicrometerThreadContextPropagator() {
		this(ContextSnapshotFactory.builder().build());
	}

	/**
	 * Create a propagator.
	 * @param snapshotFactory captures and restores the context
	 */
	public MicrometerThreadContextPropagator(ContextSnapshotFactory snapshotFactory) {
		Assert.notNull(snapshotFactory, "ContextSnapshotFactory is required");
		this.snapshotFactory = snapshotFactory;
	}

	@Override
	public Callable<@Nullable Object> wrap(Callable<@Nullable Object> call, ContextView context,
			McpInvocation invocation) {
		ContextSnapshot snapshot = this.snapshotFactory.captureAll(context);
		return snapshot.wrap(call);
	}

}
