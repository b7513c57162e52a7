package dev.mcpspring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An icon of a tool, resource or prompt.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@Target({})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface McpIcon {

	/**
	 * URI of the icon: an {@code https:} URL or a {@code data:} URI.
	 * @return the source
	 */
	String src();

	/**
	 * MIME type of the icon, for example {@code image/png}.
	 * @return the MIME type, or empty when unknown
	 */
	String mimeType() default "";

	/**
	 * Sizes the icon is available in, for example {@code 48x48} or {@code any}.
	 * @return the sizes
	 */
	String[] sizes() default {};

	/**
	 * Theme the icon is designed for: {@code light} or {@code dark}.
	 * @return the theme, or empty for any
	 */
	String theme() default "";

}
