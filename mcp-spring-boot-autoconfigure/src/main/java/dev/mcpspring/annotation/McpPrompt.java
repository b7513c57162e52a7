package dev.mcpspring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a Spring bean as an MCP prompt, listed by {@code prompts/list} and
 * rendered by {@code prompts/get}.
 * <p>
 * Each parameter (see {@link McpArg}) is a prompt argument; arguments arrive as strings
 * and are converted to the parameter type. The return value becomes the result:
 * <ul>
 * <li>{@code String} becomes one user text message;</li>
 * <li>a {@code PromptMessage} or a {@code List} of them becomes the messages;</li>
 * <li>a {@code Content} becomes one user message with that content;</li>
 * <li>a {@code GetPromptResult} is sent as it is;</li>
 * <li>{@code Mono<T>} and {@code CompletionStage<T>} are awaited.</li>
 * </ul>
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 * @see <a href=
 * "https://modelcontextprotocol.io/specification/2025-11-25/server/prompts">MCP
 * prompts</a>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface McpPrompt {

	/**
	 * Unique prompt name. Defaults to the method name.
	 * @return the name
	 */
	String name() default "";

	/**
	 * Human-readable title.
	 * @return the title, or empty for none
	 */
	String title() default "";

	/**
	 * What the prompt is for.
	 * @return the description, or empty for none
	 */
	String description() default "";

	/**
	 * Icons clients may display.
	 * @return the icons
	 */
	McpIcon[] icons() default {};

	/**
	 * OAuth scopes the caller's token must carry to see and use this prompt. Without them
	 * the prompt is left out of lists, and using it is refused with {@code 403} and an
	 * {@code insufficient_scope} challenge. Configuration
	 * ({@code mcp.server.security.prompt-scopes.<name>}) overrides this value.
	 * @return the required scopes, or empty for none
	 */
	String[] scopes() default {};

	/**
	 * Tags that group this prompt with others, so that they can be enabled or disabled
	 * together, by configuration ({@code mcp.server.tags.include} and
	 * {@code mcp.server.tags.exclude}) or at run time. Not sent to clients.
	 * @return the tags
	 */
	String[] tags() default {};

}
