package dev.mcpspring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a Spring bean as an MCP tool, listed by {@code tools/list} and
 * invoked by {@code tools/call}.
 * <p>
 * The input schema is generated from the method parameters (see {@link McpArg}). The
 * return value becomes the tool result:
 * <ul>
 * <li>{@code String} becomes a single text content block;</li>
 * <li>{@code CallToolResult} is sent as it is;</li>
 * <li>a {@code Content} (text, image, audio, embedded resource, resource link) or a
 * {@code List} of them becomes the result content;</li>
 * <li>records, POJOs and {@code Map}s become {@code structuredContent}, described by an
 * {@code outputSchema}, plus a text block holding the same JSON;</li>
 * <li>collections, arrays, numbers and booleans become {@code structuredContent} wrapped
 * as {@code {"result": value}};</li>
 * <li>{@code void} or {@code null} becomes an empty result;</li>
 * <li>{@code Mono<T>}, {@code CompletionStage<T>} and {@code Flux<T>} (collected into a
 * list) are awaited and their value handled as above.</li>
 * </ul>
 * Throw {@code ToolCallException} to report a failure the model should see.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 * @see <a href=
 * "https://modelcontextprotocol.io/specification/2025-11-25/server/tools">MCP tools</a>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface McpTool {

	/**
	 * Unique tool name: 1 to 128 characters from {@code A-Z a-z 0-9 _ - .}. Defaults to
	 * the method name.
	 * @return the tool name
	 */
	String name() default "";

	/**
	 * Human-readable title shown by clients.
	 * @return the title, or empty for none
	 */
	String title() default "";

	/**
	 * What the tool does, written for the model that decides when to call it.
	 * @return the description, or empty for none
	 */
	String description() default "";

	/**
	 * Whether the tool does not modify its environment. The four hints default to the
	 * values the MCP specification implies for a missing hint, and only those that differ
	 * from these defaults are sent in the tool's {@code annotations}: a tool marked
	 * read-only is not also announced as destructive.
	 * @return the {@code readOnlyHint} annotation, sent only when {@code true}
	 */
	boolean readOnlyHint() default false;

	/**
	 * Whether the tool may perform destructive updates (meaningful only when not
	 * read-only).
	 * @return the {@code destructiveHint} annotation, sent only when {@code false}
	 */
	boolean destructiveHint() default true;

	/**
	 * Whether calling the tool again with the same arguments has no additional effect
	 * (meaningful only when not read-only).
	 * @return the {@code idempotentHint} annotation, sent only when {@code true}
	 */
	boolean idempotentHint() default false;

	/**
	 * Whether the tool interacts with an open world of external entities.
	 * @return the {@code openWorldHint} annotation, sent only when {@code false}
	 */
	boolean openWorldHint() default true;

	/**
	 * A hand-written input schema to publish verbatim instead of the generated one: JSON
	 * text, or a {@code classpath:} location of a JSON file. Arguments are still bound to
	 * the parameters by name.
	 * @return the schema, or empty to generate it
	 */
	String inputSchema() default "";

	/**
	 * Icons clients may display for the tool.
	 * @return the icons
	 */
	McpIcon[] icons() default {};

	/**
	 * Entries of the tool's {@code _meta} object, each written {@code key=value}; the
	 * value is sent as a JSON string.
	 * @return the meta entries
	 */
	String[] meta() default {};

	/**
	 * OAuth scopes the caller's token must carry to see and use this tool. Without them
	 * the tool is left out of lists, and using it is refused with {@code 403} and an
	 * {@code insufficient_scope} challenge. Configuration
	 * ({@code mcp.server.security.tool-scopes.<name>}) overrides this value.
	 * @return the required scopes, or empty for none
	 */
	String[] scopes() default {};

	/**
	 * Tags that group this tool with others, so that they can be enabled or disabled
	 * together, by configuration ({@code mcp.server.tags.include} and
	 * {@code mcp.server.tags.exclude}) or at run time. Not sent to clients.
	 * @return the tags
	 */
	String[] tags() default {};

	/**
	 * Whether the tool runs as a task for clients that declare the tasks extension
	 * ({@code io.modelcontextprotocol/tasks}). A task answers {@code tools/call} with a
	 * {@code CreateTaskResult} and runs in the background; input the tool asks for
	 * through {@code McpContext} parks the task in {@code input_required}.
	 * @return the task support, {@link TaskSupport#NONE} by default
	 */
	TaskSupport taskSupport() default TaskSupport.NONE;

	/**
	 * Input keys (see {@code McpContext#withInputKey}) gathered with multi round-trip
	 * requests before a task is created: until the client has answered all of them the
	 * tool runs synchronously and asks for them with an {@code InputRequiredResult}.
	 * @return the input keys, or empty to create the task at once
	 */
	String[] inputsBeforeTask() default {};

	/**
	 * How long a call may run before it is cancelled (its work stops) and answered with a
	 * tool error, such as {@code 30s}, {@code 500ms} or {@code PT2M}; {@code 0} for no
	 * timeout. Empty (the default) uses {@code mcp.server.tools.timeout}.
	 * @return the timeout, or empty for the server's
	 */
	String timeout() default "";

}
