package dev.mcpspring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes a parameter of an {@link McpTool} method as a property of the tool's input
 * schema.
 * <p>
 * Without this annotation the property is named after the parameter (compile with
 * {@code -parameters}) and is required, unless the parameter is an {@code Optional} or
 * annotated {@code @Nullable}.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface McpArg {

	/**
	 * Property name in the input schema. Defaults to the parameter name.
	 * @return the argument name
	 */
	String name() default "";

	/**
	 * What the argument means, written for the model.
	 * @return the description, or empty for none
	 */
	String description() default "";

	/**
	 * Whether the caller must supply the argument. Ignored when a {@link #defaultValue()}
	 * is given, which makes the argument optional.
	 * @return whether the argument is required
	 */
	boolean required() default true;

	/**
	 * Value used when the caller omits the argument, written as JSON ({@code 5},
	 * {@code true}, {@code "EUR"}) or as a plain string for {@code String} parameters.
	 * @return the default value, or empty for none
	 */
	String defaultValue() default "";

	/**
	 * Name of an HTTP header that mirrors this argument on stateless requests: clients
	 * send the value as {@code Mcp-Param-{header}} and the server checks it against the
	 * body, so gateways can route on it. Only for string, integer and boolean parameters
	 * of tools; published as {@code x-mcp-header} in the input schema.
	 * @return the header name suffix, or empty for none
	 */
	String header() default "";

}
