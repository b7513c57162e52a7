package dev.mcpspring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a Spring bean as an MCP resource, read by {@code resources/read}.
 * <p>
 * A {@link #uri()} without variables is a fixed resource, listed by
 * {@code resources/list}. A URI with RFC 6570 expressions, such as
 * {@code orders://{id}/lines{?page}}, is a template, listed by
 * {@code resources/templates/list}; its variables bind to the method parameters of the
 * same name (see {@link McpArg}), converted to the parameter types.
 * <p>
 * The return value becomes the {@code contents} of the result:
 * <ul>
 * <li>{@code String} becomes text contents with the URI read and
 * {@link #mimeType()};</li>
 * <li>{@code byte[]} becomes base64 {@code blob} contents;</li>
 * <li>a {@code ResourceContents} or a {@code List} of them, or a
 * {@code ReadResourceResult}, is sent as it is;</li>
 * <li>any other object becomes JSON text contents with MIME type
 * {@code application/json};</li>
 * <li>{@code Mono<T>} and {@code CompletionStage<T>} are awaited.</li>
 * </ul>
 * Parameters of type {@code McpContext} receive the request context.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 * @see <a href=
 * "https://modelcontextprotocol.io/specification/2025-11-25/server/resources">MCP
 * resources</a>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface McpResource {

	/**
	 * The resource URI, or an RFC 6570 URI template.
	 * @return the URI or template
	 */
	String uri();

	/**
	 * Programmatic name. Defaults to the method name.
	 * @return the name
	 */
	String name() default "";

	/**
	 * Human-readable title.
	 * @return the title, or empty for none
	 */
	String title() default "";

	/**
	 * What the resource holds, for the model.
	 * @return the description, or empty for none
	 */
	String description() default "";

	/**
	 * MIME type of the contents.
	 * @return the MIME type, or empty when unknown
	 */
	String mimeType() default "";

	/**
	 * Size of the contents in bytes, when known ahead of reading.
	 * @return the size, or {@code -1} when unknown
	 */
	long size() default -1;

	/**
	 * Who the resource is for: {@code user}, {@code assistant} or both.
	 * @return the audience, or empty for unspecified
	 */
	String[] audience() default {};

	/**
	 * Importance from 0 (optional) to 1 (required).
	 * @return the priority, or a negative value for unspecified
	 */
	double priority() default -1;

	/**
	 * ISO 8601 time of the last change, such as {@code 2025-01-12T15:00:58Z}.
	 * @return the time, or empty for unspecified
	 */
	String lastModified() default "";

	/**
	 * Icons clients may display.
	 * @return the icons
	 */
	McpIcon[] icons() default {};

	/**
	 * OAuth scopes the caller's token must carry to see and use this resource. Without
	 * them the resource is left out of lists, and using it is refused with {@code 403}
	 * and an {@code insufficient_scope} challenge. Configuration
	 * ({@code mcp.server.security.resource-scopes.<name>}) overrides this value.
	 * @return the required scopes, or empty for none
	 */
	String[] scopes() default {};

	/**
	 * Tags that group this resource with others, so that they can be enabled or disabled
	 * together, by configuration ({@code mcp.server.tags.include} and
	 * {@code mcp.server.tags.exclude}) or at run time. Not sent to clients.
	 * @return the tags
	 */
	String[] tags() default {};

}
