package dev.mcpspring.openapi;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.Schema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns the schemas of an OpenAPI document into self-contained JSON Schemas: references
 * to {@code #/components/schemas} are inlined (a recursive one becomes a plain object),
 * and OpenAPI-only keywords ({@code xml}, {@code discriminator}, {@code nullable},
 * {@code example}, extensions) are dropped or rewritten to their JSON Schema form.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
final class SchemaConverter {

	private static final String COMPONENTS_PREFIX = "#/components/schemas/";

	private static final Set<String> OPENAPI_ONLY = Set.of("xml", "discriminator", "externalDocs", "exampleSetFlag",
			"specVersion");

	private static final Set<String> VALUES = Set.of("enum", "default", "const", "examples");

	private final ObjectMapper swaggerMapper;

	private final JsonMapper jsonMapper;

	private final ObjectNode components;

	SchemaConverter(OpenAPI openApi, JsonMapper jsonMapper) {
		this.swaggerMapper = (openApi.getSpecVersion() == SpecVersion.V31) ? Json31.mapper() : Json.mapper();
		this.jsonMapper = jsonMapper;
		Map<String, Schema> schemas = (openApi.getComponents() != null) ? openApi.getComponents().getSchemas() : null;
		this.components = (schemas != null) ? (ObjectNode) toTree(schemas) : JsonNodeFactory.instance.objectNode();
	}

	/**
	 * Convert a schema of the document.
	 * @param schema the schema, possibly a reference
	 * @return a JSON Schema without references to the document
	 */
	ObjectNode convert(Schema<?> schema) {
		JsonNode converted = inline(toTree(schema), new ArrayDeque<>());
		return (converted instanceof ObjectNode object) ? object : JsonNodeFactory.instance.objectNode();
	}

	private JsonNode toTree(Object swaggerModel) {
		try {
			return this.jsonMapper.readTree(this.swaggerMapper.writeValueAsString(swaggerModel));
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			throw new IllegalStateException("Cannot convert OpenAPI schema to JSON: " + ex.getOriginalMessage(), ex);
		}
	}

	private JsonNode inline(JsonNode node, Deque<String> seen) {
		if (node instanceof ArrayNode array) {
			ArrayNode result = JsonNodeFactory.instance.arrayNode();
			array.forEach((item) -> result.add(inline(item, seen)));
			return result;
		}
		if (!(node instanceof ObjectNode object)) {
			return node;
		}
		JsonNode ref = object.get("$ref");
		if (ref != null && ref.isString() && ref.stringValue().startsWith(COMPONENTS_PREFIX)) {
			return inlineReference(object, ref.stringValue().substring(COMPONENTS_PREFIX.length()), seen);
		}
		ObjectNode result = JsonNodeFactory.instance.objectNode();
		for (Map.Entry<String, JsonNode> field : object.properties()) {
			String key = field.getKey();
			if (OPENAPI_ONLY.contains(key) || key.equals("nullable") || key.startsWith("x-")) {
				continue;
			}
			if (key.equals("example")) {
				result.set("examples", JsonNodeFactory.instance.arrayNode().add(field.getValue()));
				continue;
			}
			if (VALUES.contains(key)) {
				result.set(key, field.getValue());
				continue;
			}
			result.set(key, isSchemaMap(key) ? inlineEach(field.getValue(), seen) : inline(field.getValue(), seen));
		}
		if (object.path("nullable").asBoolean(false) && result.path("type").isString()) {
			result.set("type", JsonNodeFactory.instance.arrayNode().add(result.get("type")).add("null"));
		}
		return result;
	}

	private static boolean isSchemaMap(String key) {
		return key.equals("properties") || key.equals("patternProperties") || key.equals("$defs");
	}

	private JsonNode inlineEach(JsonNode schemas, Deque<String> seen) {
		if (!(schemas instanceof ObjectNode object)) {
			return schemas;
		}
		ObjectNode result = JsonNodeFactory.instance.objectNode();
		object.properties().forEach((entry) -> result.set(entry.getKey(), inline(entry.getValue(), seen)));
		return result;
	}

	private JsonNode inlineReference(ObjectNode reference, String name, Deque<String> seen) {
		JsonNode target = this.components.get(name);
		if (target == null || seen.contains(name)) {
			ObjectNode placeholder = JsonNodeFactory.instance.objectNode();
			placeholder.put("type", "object");
			placeholder.put("description", (target != null) ? name + " (recursive)" : name);
			return placeholder;
		}
		seen.push(name);
		JsonNode inlined = inline(target, seen);
		seen.pop();
		if (inlined instanceof ObjectNode object) {
			for (Map.Entry<String, JsonNode> sibling : reference.properties()) {
				if (!sibling.getKey().equals("$ref") && !object.has(sibling.getKey())) {
					object.set(sibling.getKey(), sibling.getValue());
				}
			}
		}
		return inlined;
	}

}
