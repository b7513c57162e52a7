package dev.mcpspring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a parameter of an {@link McpTool}, {@link McpPrompt} or {@link McpResource}
 * method to an HTTP header of the request that carried the call, such as a tenant or
 * correlation id. The parameter is not part of the tool's input schema: the model never
 * sees or fills it.
 * <p>
 * A {@code String} parameter receives the first value, or {@code null} when the header is
 * absent (always on stdio); a {@code List<String>} parameter receives every value.
 * {@code Authorization}, {@code Proxy-Authorization}, {@code Cookie} and
 * {@code Set-Cookie} read as absent unless
 * {@code mcp.server.tools.headers.expose-sensitive=true}. A parameter of Spring's
 * {@code HttpHeaders} type receives all the exposed headers.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface McpHeader {

	/**
	 * Name of the header, in any case, for example {@code X-Tenant}.
	 * @return the header name
	 */
	String value();

}
