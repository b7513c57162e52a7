package dev.mcpspring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Mounts the tools, prompts and resources of a bean under a prefix, so that groups of
 * features written apart (by another team, or taken from another application) can be
 * served together without their names clashing. Mounted as {@code weather}, the tool
 * {@code forecast} is {@code weather_forecast}, the prompt {@code summary} is
 * {@code weather_summary}, and the resource {@code forecast://{city}} is
 * {@code weather+forecast://{city}} (its name prefixed like a tool's). References of the
 * bean's {@link McpComplete} methods are prefixed the same way. The prefix is also a tag
 * of every feature of the bean, so a group can be switched on and off as a whole.
 * <p>
 * Put it on a stereotype annotation to mount several beans under one prefix.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@Target({ ElementType.TYPE, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface McpMount {

	/**
	 * The prefix: letters, digits, {@code _} and {@code -}.
	 * @return the prefix
	 */
	String value();

	/**
	 * Tags added to every feature of the bean, next to the prefix.
	 * @return the tags
	 */
	String[] tags() default {};

}
