package dev.mcpspring.method;

import java.util.List;
import java.util.concurrent.Callable;

import dev.mcpspring.server.McpInvocation;
import org.jspecify.annotations.Nullable;
import reactor.util.context.ContextView;

/**
 * Carries the context of a request, such as the current observation (and with it the
 * trace) or the authenticated caller, to the thread that runs a blocking handler method.
 * Reactive methods run on the request's own thread and need none.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@FunctionalInterface
public interface ThreadContextPropagator {

	/**
	 * A propagator that carries nothing.
	 */
	ThreadContextPropagator NONE = (call, context, invocation) -> call;

	/**
	 * Wrap a call so that it runs with the context of the request. Called on the thread
	 * that received the request; the returned call runs on another thread.
	 * @param call the invocation of the handler method
	 * @param context the Reactor context of the request
	 * @param invocation the invocation being served
	 * @return a call that sets the context up, runs {@code call} and restores what the
	 * running thread had before
	 */
	Callable<@Nullable Object> wrap(Callable<@Nullable Object> call, ContextView context, McpInvocation invocation);

	/**
	 * Combine propagators: the first wraps the call closest to the method.
	 * @param propagators the propagators, in order
	 * @return one propagator applying all of them
	 */
	static ThreadContextPropagator of(List<ThreadContextPropagator> propagators) {
		List<ThreadContextPropagator> all = List.copyOf(propagators);
		if (all.isEmpty()) {
			return NONE;
		}
		return (call, context, invocation) -> {
			Callable<@Nullable Object> wrapped = call;
			for (ThreadContextPropagator propagator : all) {
				wrapped = propagator.wrap(wrapped, context, invocation);
			}
			return wrapped;
		};
	}

}
