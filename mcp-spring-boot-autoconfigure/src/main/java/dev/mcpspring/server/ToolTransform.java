package dev.mcpspring.server;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.mcpspring.model.CallToolResult;
import dev.mcpspring.model.Tool;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.util.Assert;

/**
 * Derives a tool from another: another name or description, arguments renamed or hidden
 * behind a fixed value, extra behaviour around each call. The derived tool validates and
 * calls the original with the original's argument names; clients see only the derived
 * schema. Register it in place of the original with
 * {@link ToolRegistry#replace(String, java.util.function.UnaryOperator)}:
 * <pre class="code">
 * toolRegistry.replace("searchBooks", (tool) -&gt; ToolTransform.of(tool)
 *     .name("find_books")
 *     .renameArgument("q", "query")
 *     .hideArgument("limit", IntNode.valueOf(20))
 *     .build());
 * </pre>
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public final class ToolTransform {

	private final ToolHandler original;

	private @Nullable String name;

	private @Nullable String description;

	private final Map<String, String> renamedArguments = new LinkedHashMap<>();

	private final Map<String, JsonNode> hiddenArguments = new LinkedHashMap<>();

	private @Nullable ToolAdvice advice;

	private ToolTransform(ToolHandler original) {
		this.original = original;
	}

	/**
	 * Start deriving a tool.
	 * @param tool the original tool
	 * @return the transform, to configure and {@link #build()}
	 */
	public static ToolTransform of(ToolHandler tool) {
		Assert.notNull(tool, "Tool is required");
		return new ToolTransform(tool);
	}

	/**
	 * Give the derived tool another name.
	 * @param name the name
	 * @return this transform
	 */
	public ToolTransform name(String name) {
		Assert.hasText(name, "Name must not be empty");
		this.name = name;
		return this;
	}

	/**
	 * Give the derived tool another description.
	 * @param description the description
	 * @return this transform
	 */
	public ToolTransform description(String description) {
		this.description = description;
		return this;
	}

	/**
	 * Publish an argument under another name.
	 * @param from the original's argument name
	 * @param to the name clients use
	 * @return this transform
	 */
	public ToolTransform renameArgument(String from, String to) {
		Assert.hasText(to, "New argument name must not be empty");
		this.renamedArguments.put(from, to);
		return this;
	}

	/**
	 * Hide an argument from clients and always call the original with a fixed value; a
	 * value sent by a client under that name is ignored.
	 * @param name the original's argument name
	 * @param value the value
	 * @return this transform
	 */
	public ToolTransform hideArgument(String name, JsonNode value) {
		Assert.notNull(value, "Value is required");
		this.hiddenArguments.put(name, value);
		return this;
	}

	/**
	 * Run behaviour around each call, such as auditing or caching.
	 * @param advice the advice, which decides whether and how to call the original
	 * @return this transform
	 */
	public ToolTransform around(ToolAdvice advice) {
		this.advice = advice;
		return this;
	}

	/**
	 * Create the derived tool.
	 * @return the tool
	 * @throws IllegalArgumentException if a renamed or hidden argument is not in the
	 * original's input schema, or a new name is taken by another argument
	 */
	public ToolHandler build() {
		Tool tool = this.original.getTool();
		ObjectNode schema = tool.inputSchema().deepCopy();
		ObjectNode properties = (schema.get("properties") instanceof ObjectNode node) ? node
				: schema.putObject("properties");
		for (String hidden : this.hiddenArguments.keySet()) {
			Assert.isTrue(properties.has(hidden), () -> "Tool '" + tool.name() + "' has no argument '" + hidden + "'");
			properties.remove(hidden);
		}
		ObjectNode renamed = JsonNodeFactory.instance.objectNode();
		properties.properties().forEach((entry) -> {
			String newName = this.renamedArguments.getOrDefault(entry.getKey(), entry.getKey());
			Assert.isTrue(!renamed.has(newName), () -> "Argument name '" + newName + "' is used twice");
			renamed.set(newName, entry.getValue());
		});
		this.renamedArguments.keySet()
			.forEach((from) -> Assert.isTrue(properties.has(from),
					() -> "Tool '" + tool.name() + "' has no argument '" + from + "'"));
		schema.set("properties", renamed);
		if (schema.get("required") instanceof ArrayNode required) {
			ArrayNode kept = schema.putArray("required");
			required.values()
				.stream()
				.map(JsonNode::asString)
				.filter((argument) -> !this.hiddenArguments.containsKey(argument))
				.forEach((argument) -> kept.add(this.renamedArguments.getOrDefault(argument, argument)));
		}
		Tool derived = new Tool((this.name != null) ? this.name : tool.name(), tool.title(),
				(this.description != null) ? this.description : tool.description(), schema, tool.outputSchema(),
				tool.annotations(), tool.icons(), tool.meta(), tool.execution());
		return new DerivedTool(derived, this.original, Map.copyOf(this.renamedArguments),
				Map.copyOf(this.hiddenArguments), this.advice);
	}

	/**
	 * Behaviour around the calls of a derived tool.
	 */
	@FunctionalInterface
	public interface ToolAdvice {

		/**
		 * Handle a call.
		 * @param call the call, with the original's argument names and the hidden values
		 * @param original the original tool, to call or not
		 * @return the result
		 */
		Mono<CallToolResult> call(ToolCall call, ToolHandler original);

	}

	private record DerivedTool(Tool tool, ToolHandler original, Map<String, String> renamedArguments,
			Map<String, JsonNode> hiddenArguments, @Nullable ToolAdvice advice) implements ToolHandler {

		@Override
		public Tool getTool() {
			return this.tool;
		}

		@Override
		public Mono<CallToolResult> call(ToolCall call) {
			ToolCall originalCall = new ToolCall(this.original.getTool().name(), originalArguments(call.arguments()),
					call.request());
			return (this.advice != null) ? this.advice.call(originalCall, this.original)
					: this.original.call(originalCall);
		}

		private ObjectNode originalArguments(ObjectNode arguments) {
			Map<String, String> originalNames = new LinkedHashMap<>();
			this.renamedArguments.forEach((from, to) -> originalNames.put(to, from));
			ObjectNode result = JsonNodeFactory.instance.objectNode();
			arguments.properties().forEach((entry) -> {
				String key = entry.getKey();
				if (originalNames.containsKey(key)) {
					result.set(originalNames.get(key), entry.getValue());
				}
				else if (!this.renamedArguments.containsKey(key) && !this.hiddenArguments.containsKey(key)) {
					result.set(key, entry.getValue());
				}
			});
			this.hiddenArguments.forEach(result::set);
			return result;
		}

		@Override
		public @Nullable Duration getTimeout() {
			return this.original.getTimeout();
		}

	}

}
