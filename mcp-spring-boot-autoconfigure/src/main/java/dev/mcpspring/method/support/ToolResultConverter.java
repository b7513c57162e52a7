package dev.mcpspring.method.support;

import java.util.Collection;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.mcpspring.model.CallToolResult;
import dev.mcpspring.model.Content;
import dev.mcpspring.schema.OutputSchema;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns the return value of a tool method into a {@link CallToolResult}, following the
 * rules documented on {@link dev.mcpspring.annotation.McpTool}.
 * <p>
 * Structured values leave out properties that are {@code null} or an empty
 * {@code Optional}, and map entries whose value is {@code null}: output schemas never
 * require such properties nor allow {@code null} for them, and official clients reject a
 * result whose {@code structuredContent} does not match the tool's output schema.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class ToolResultConverter {

	private static final CallToolResult EMPTY = new CallToolResult(List.of(), null, null, null);

	private static final CallToolResult NO_VALUE = CallToolResult.error("The tool returned no value");

	private final JsonMapper jsonMapper;

	/**
	 * Create a converter.
	 * @param jsonMapper the mapper that serializes structured values
	 */
	public ToolResultConverter(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper.rebuild()
			.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_ABSENT)
				.withContentInclusion(JsonInclude.Include.NON_NULL))
			.build();
	}

	/**
	 * Whether values of the given type are sent as they are rather than as structured
	 * content, so they need no output schema.
	 * @param type the unwrapped return type
	 * @return {@code true} for {@code void}, text, content and full results
	 */
	public static boolean isUnstructured(Class<?> type) {
		return type == void.class || type == Void.class || type == Object.class
				|| CharSequence.class.isAssignableFrom(type) || Content.class.isAssignableFrom(type)
				|| CallToolResult.class.isAssignableFrom(type);
	}

	/**
	 * Convert a return value.
	 * @param value the value, {@code null} for none
	 * @param outputSchema the tool's output schema, or {@code null} if it has none
	 * @return the result
	 */
	public CallToolResult convert(@Nullable Object value, @Nullable OutputSchema outputSchema) {
		if (value instanceof java.util.Optional<?> optional) {
			value = optional.orElse(null);
		}
		if (value == null) {
			return (outputSchema != null) ? NO_VALUE : EMPTY;
		}
		if (value instanceof CallToolResult result) {
			return result;
		}
		if (outputSchema == null && value instanceof CharSequence text) {
			return CallToolResult.of(Content.text(text.toString()));
		}
		if (value instanceof Content content) {
			return CallToolResult.of(content);
		}
		if (value instanceof Collection<?> collection && isContentList(collection)) {
			return new CallToolResult(collection.stream().map(Content.class::cast).toList(), null, null, null);
		}
		JsonNode tree = this.jsonMapper.valueToTree(value);
		Content text = Content.text(this.jsonMapper.writeValueAsString(tree));
		if (outputSchema == null) {
			return tree.isObject() ? CallToolResult.structured(tree, text) : CallToolResult.of(text);
		}
		if (outputSchema.wrapped()) {
			ObjectNode wrapper = this.jsonMapper.createObjectNode();
			wrapper.set(OutputSchema.RESULT_PROPERTY, tree);
			return CallToolResult.structured(wrapper, text);
		}
		return CallToolResult.structured(tree, text);
	}

	private static boolean isContentList(Collection<?> collection) {
		return !collection.isEmpty() && collection.stream().allMatch(Content.class::isInstance);
	}

}
