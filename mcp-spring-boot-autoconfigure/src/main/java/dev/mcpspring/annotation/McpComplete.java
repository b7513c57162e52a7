package dev.mcpspring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method that suggests values for the arguments of a prompt or the variables of a
 * resource template ({@code completion/complete}). Set exactly one of {@link #prompt()}
 * and {@link #resource()}.
 * <p>
 * The method may declare a {@code String} parameter named {@code argument} (the name
 * being completed), a {@code String} parameter named {@code value} (the partial value),
 * and parameters named after other arguments, which receive their already-resolved
 * values, plus an {@code McpContext}. It returns a {@code List<String>} of candidates,
 * best first (at most 100 are sent), or a {@code Mono} or {@code CompletionStage} of it.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 * @see <a href=
 * "https://modelcontextprotocol.io/specification/2025-11-25/server/utilities/completion">MCP
 * completion</a>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface McpComplete {

	/**
	 * Name of the prompt whose arguments are completed.
	 * @return the prompt name, or empty
	 */
	String prompt() default "";

	/**
	 * URI template of the resource whose variables are completed.
	 * @return the URI template, or empty
	 */
	String resource() default "";

}
