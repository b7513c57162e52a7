package dev.mcpspring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that an {@link McpTool}, {@link McpResource}, {@link McpPrompt} or
 * {@link McpComplete} method never blocks, so it runs on the thread that received the
 * request instead of on a worker thread. On a class, it applies to every handler method
 * of the class.
 * <p>
 * Plain (non-reactive) handler methods run on a worker thread by default (a virtual
 * thread on JDK 21+, Reactor's bounded elastic scheduler before) because they may wait
 * for I/O. For a method that only computes, the hand-off to the worker and back costs
 * more than the method itself. Over HTTP the calling thread is a Netty event loop that
 * serves many connections: a method marked here that does block stalls all of them.
 * Methods returning {@code Mono}, {@code Flux} or {@code CompletionStage} always run on
 * the calling thread.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface NonBlocking {

}
