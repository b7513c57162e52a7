package dev.mcpspring.method;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;

import dev.mcpspring.server.InvalidArgumentsException;
import dev.mcpspring.server.McpInvocation;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import org.springframework.core.MethodParameter;
import org.springframework.core.ReactiveAdapter;
import org.springframework.core.ReactiveAdapterRegistry;
import org.springframework.util.ReflectionUtils;

/**
 * An {@link McpHandlerMethod} that resolves its arguments, validates them, invokes the
 * method and adapts the return value to a {@link Mono}.
 * <p>
 * Methods with a blocking signature run on the given scheduler, never on the caller's
 * (event-loop) thread. {@code Flux} return values are collected into a list.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class InvocableMcpHandlerMethod extends McpHandlerMethod {

	private static final Object[] NO_ARGS = new Object[0];

	private final McpMethodArgumentResolverComposite resolvers;

	private final @Nullable McpArgumentValidator validator;

	private final @Nullable Scheduler blockingScheduler;

	private final @Nullable ReactiveAdapter returnAdapter;

	private final ThreadContextPropagator contextPropagator;

	/**
	 * Create an invocable method.
	 * @param handlerMethod the handler method
	 * @param resolvers the argument resolvers
	 * @param validator validates arguments, or {@code null} for none
	 * @param blockingScheduler where to invoke a blocking method, or {@code null} to
	 * invoke on the calling thread
	 */
	public InvocableMcpHandlerMethod(McpHandlerMethod handlerMethod, McpMethodArgumentResolverComposite resolvers,
			@Nullable McpArgumentValidator validator, @Nullable Scheduler blockingScheduler) {
		this(handlerMethod, resolvers, validator, blockingScheduler, ThreadContextPropagator.NONE);
	}

	/**
	 * Create an invocable method that carries the context of the request to the thread of
	 * a blocking method.
	 * @param handlerMethod the handler method
	 * @param resolvers the argument resolvers
	 * @param validator validates arguments, or {@code null} for none
	 * @param blockingScheduler where to invoke a blocking method, or {@code null} to
	 * invoke on the calling thread
	 * @param contextPropagator carries the context of the request to the
	 * {@code blockingScheduler}
	 */
	public InvocableMcpHandlerMethod(McpHandlerMethod handlerMethod, McpMethodArgumentResolverComposite resolvers,
			@Nullable McpArgumentValidator validator, @Nullable Scheduler blockingScheduler,
			ThreadContextPropagator contextPropagator) {
		super(handlerMethod);
		this.resolvers = resolvers;
		this.validator = validator;
		this.blockingScheduler = blockingScheduler;
		this.contextPropagator = contextPropagator;
		this.returnAdapter = ReactiveAdapterRegistry.getSharedInstance().getAdapter(getMethod().getReturnType());
		ReflectionUtils.makeAccessible(getInvocableMethod());
	}

	/**
	 * Invoke the method.
	 * @param invocation the invocation
	 * @return the return value, unwrapped from {@code Mono}, {@code Flux} (as a list) or
	 * {@code CompletionStage}; empty for {@code void} or {@code null}
	 */
	public Mono<Object> invoke(McpInvocation invocation) {
		return Mono.defer(() -> {
			@Nullable Object[] args = resolveArguments(invocation);
			if (this.blockingScheduler != null) {
				Scheduler scheduler = this.blockingScheduler;
				return Mono.deferContextual((context) -> Mono
					.fromCallable(this.contextPropagator.wrap(() -> doInvoke(args), context, invocation))
					.subscribeOn(scheduler));
			}
			return Mono.fromCallable(() -> doInvoke(args)).flatMap(this::adapt);
		});
	}

	/**
	 * Resolve and validate the arguments. When some cannot be bound, the constraints of
	 * the others, and of the parts of partly bound ones, are still validated, so that one
	 * error names every bad field.
	 */
	private @Nullable Object[] resolveArguments(McpInvocation invocation) {
		MethodParameter[] parameters = getMethodParameters();
		if (parameters.length == 0) {
			return NO_ARGS;
		}
		@Nullable Object[] args = new Object[parameters.length];
		List<InvalidArgumentsException.FieldError> errors = null;
		for (int i = 0; i < parameters.length; i++) {
			try {
				args[i] = this.resolvers.resolveArgument(parameters[i], invocation);
			}
			catch (InvalidArgumentsException ex) {
				errors = (errors != null) ? errors : new ArrayList<>();
				errors.addAll(ex.getErrors());
				if (ex instanceof ArgumentBindingException partial) {
					args[i] = partial.getPartialValue();
				}
			}
		}
		if (errors == null) {
			if (this.validator != null) {
				this.validator.validate(this, args);
			}
			return args;
		}
		if (this.validator != null) {
			try {
				this.validator.validate(this, args);
			}
			catch (InvalidArgumentsException ex) {
				addViolationsOfBoundFields(errors, ex.getErrors());
			}
		}
		throw new InvalidArgumentsException(errors);
	}

	/**
	 * Add the violations that are not at or below a path that could not be bound, whose
	 * value is only a placeholder.
	 */
	private static void addViolationsOfBoundFields(List<InvalidArgumentsException.FieldError> errors,
			List<InvalidArgumentsException.FieldError> violations) {
		List<String> unbound = errors.stream().map(InvalidArgumentsException.FieldError::path).toList();
		for (InvalidArgumentsException.FieldError violation : violations) {
			String path = violation.path();
			if (unbound.stream()
				.noneMatch((prefix) -> path.equals(prefix) || path.startsWith(prefix + ".")
						|| path.startsWith(prefix + "["))) {
				errors.add(violation);
			}
		}
	}

	private @Nullable Object doInvoke(@Nullable Object[] args) throws Exception {
		try {
			return getInvocableMethod().invoke(getBean(), args);
		}
		catch (InvocationTargetException ex) {
			Throwable target = ex.getTargetException();
			if (target instanceof Exception exception) {
				throw exception;
			}
			if (target instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(target);
		}
	}

	private Mono<Object> adapt(Object value) {
		if (this.returnAdapter == null) {
			return Mono.just(value);
		}
		if (this.returnAdapter.isMultiValue()) {
			return Flux.from(this.returnAdapter.toPublisher(value)).collectList().map((list) -> list);
		}
		return Mono.from(this.returnAdapter.toPublisher(value));
	}

}
