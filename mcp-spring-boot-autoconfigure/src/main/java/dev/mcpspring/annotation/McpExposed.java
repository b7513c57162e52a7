package dev.mcpspring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Exposes a WebFlux {@code @RestController} handler method, or every handler method of a
 * controller class, as an MCP tool. No other code is needed: the input schema comes from
 * the {@code @PathVariable}, {@code @RequestParam} and {@code @RequestBody} parameters
 * (the request body becomes the {@code body} argument), the output schema from the return
 * type, and each call goes through the application's own HTTP stack in-process, so that
 * web filters, security and validation apply as for any HTTP caller. The MCP caller's
 * authentication is passed on to that in-process request; no token leaves the
 * application.
 * <p>
 * A 2xx answer becomes the tool result; any other status becomes a tool error holding the
 * status and the error message.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 * @see <a href=
 * "https://modelcontextprotocol.io/specification/2025-11-25/server/tools">MCP tools</a>
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface McpExposed {

	/**
	 * Unique tool name: 1 to 128 characters from {@code A-Z a-z 0-9 _ - .}. Defaults to
	 * the method name. Ignored on a class.
	 * @return the tool name
	 */
	String name() default "";

	/**
	 * What the tool does, written for the model that decides when to call it. Defaults to
	 * the HTTP method and path. Ignored on a class.
	 * @return the description, or empty for the default
	 */
	String description() default "";

	/**
	 * Whether to offer a {@code GET} endpoint as a resource instead of a tool: a resource
	 * template when its path has variables (filled from the URI the client reads), a
	 * fixed resource otherwise. Its URI is {@code mcp.server.rest.resources.base-uri}
	 * followed by the path. Ignored on a class.
	 * @return whether the endpoint is a resource
	 */
	boolean resource() default false;

}
