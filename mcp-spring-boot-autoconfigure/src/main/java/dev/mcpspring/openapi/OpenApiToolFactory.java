package dev.mcpspring.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.mcpspring.model.Tool;
import dev.mcpspring.model.ToolAnnotations;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.servers.Server;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpMethod;
import org.springframework.util.StringUtils;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Creates one {@link OpenApiToolHandler} per operation of an OpenAPI document that the
 * source's filter lets through. The name comes from the {@code operationId} (or the
 * method and path), the description from the summary and description, the input schema
 * from the path, query and header parameters and the JSON request body, and the output
 * schema from the first 2xx JSON answer when it is an object.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class OpenApiToolFactory {

	/**
	 * Name of the argument that holds the JSON request body.
	 */
	public static final String BODY_ARGUMENT = "body";

	private static final int MAX_NAME_LENGTH = 128;

	private final WebClient webClient;

	private final JsonMapper jsonMapper;

	/**
	 * Create a factory.
	 * @param webClient calls the remote APIs
	 * @param jsonMapper reads and writes JSON bodies
	 */
	public OpenApiToolFactory(WebClient webClient, JsonMapper jsonMapper) {
		this.webClient = webClient;
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Create the tools of a document.
	 * @param source the source the document was read from
	 * @param openApi the document
	 * @return the tools with the tags of their operations, in document order
	 * @throws IllegalStateException when there is no absolute base URL
	 */
	public Map<OpenApiToolHandler, Set<String>> createTools(OpenApiSource source, OpenAPI openApi) {
		String baseUrl = baseUrl(source, openApi);
		SchemaConverter schemas = new SchemaConverter(openApi, this.jsonMapper);
		Map<OpenApiToolHandler, Set<String>> tools = new LinkedHashMap<>();
		openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
			List<String> tags = (operation.getTags() != null) ? operation.getTags() : List.of();
			if (source.filter().matches(method.name(), path, tags)) {
				OpenApiToolHandler handler = createTool(source, openApi, schemas, baseUrl,
						HttpMethod.valueOf(method.name()), path, item, operation);
				tools.put(handler, Set.copyOf(tags));
			}
		}));
		return tools;
	}

	private OpenApiToolHandler createTool(OpenApiSource source, OpenAPI openApi, SchemaConverter schemas,
			String baseUrl, HttpMethod method, String path, PathItem item, Operation operation) {
		ObjectNode properties = JsonNodeFactory.instance.objectNode();
		ArrayNode required = JsonNodeFactory.instance.arrayNode();
		List<HttpOperation.Parameter> parameters = new ArrayList<>();
		for (Parameter parameter : parameters(openApi, item, operation)) {
			HttpOperation.Location location = location(parameter.getIn());
			Schema<?> schema = parameterSchema(parameter);
			if (location == null || schema == null) {
				continue;
			}
			String argument = properties.has(parameter.getName()) ? parameter.getName() + "_" + parameter.getIn()
					: parameter.getName();
			boolean isRequired = (location == HttpOperation.Location.PATH)
					|| Boolean.TRUE.equals(parameter.getRequired());
			properties.set(argument, describe(schemas.convert(schema), parameter.getDescription()));
			if (isRequired) {
				required.add(argument);
			}
			parameters.add(new HttpOperation.Parameter(parameter.getName(), location, argument, isRequired));
		}
		RequestBody requestBody = requestBody(openApi, operation);
		Schema<?> bodySchema = (requestBody != null) ? jsonSchema(requestBody.getContent()) : null;
		String bodyArgument = null;
		boolean bodyRequired = false;
		if (bodySchema != null) {
			bodyArgument = properties.has(BODY_ARGUMENT) ? "request" + StringUtils.capitalize(BODY_ARGUMENT)
					: BODY_ARGUMENT;
			bodyRequired = Boolean.TRUE.equals(requestBody.getRequired());
			properties.set(bodyArgument, describe(schemas.convert(bodySchema), requestBody.getDescription()));
			if (bodyRequired) {
				required.add(bodyArgument);
			}
		}
		ObjectNode inputSchema = JsonNodeFactory.instance.objectNode().put("type", "object");
		inputSchema.set("properties", properties);
		if (!required.isEmpty()) {
			inputSchema.set("required", required);
		}
		HttpOperation httpOperation = new HttpOperation(method, path, List.copyOf(parameters), bodyArgument,
				bodyRequired);
		Tool tool = new Tool(name(source, operation, method, path), null, description(operation, httpOperation),
				inputSchema, outputSchema(schemas, operation), annotations(operation, method), null, null);
		return new OpenApiToolHandler(tool, httpOperation, source, baseUrl, this.webClient, this.jsonMapper);
	}

	private static List<Parameter> parameters(OpenAPI openApi, PathItem item, Operation operation) {
		Map<String, Parameter> byKey = new LinkedHashMap<>();
		List<Parameter> all = new ArrayList<>();
		if (item.getParameters() != null) {
			all.addAll(item.getParameters());
		}
		if (operation.getParameters() != null) {
			all.addAll(operation.getParameters());
		}
		for (Parameter parameter : all) {
			Parameter resolved = resolve(openApi, parameter);
			if (resolved != null && resolved.getName() != null && resolved.getIn() != null) {
				byKey.put(resolved.getIn() + ":" + resolved.getName(), resolved);
			}
		}
		return List.copyOf(byKey.values());
	}

	private static @Nullable Parameter resolve(OpenAPI openApi, Parameter parameter) {
		if (parameter.get$ref() == null) {
			return parameter;
		}
		String name = parameter.get$ref().substring(parameter.get$ref().lastIndexOf('/') + 1);
		Map<String, Parameter> components = (openApi.getComponents() != null) ? openApi.getComponents().getParameters()
				: null;
		return (components != null) ? components.get(name) : null;
	}

	private static HttpOperation.@Nullable Location location(String in) {
		return switch (in.toLowerCase(Locale.ROOT)) {
			case "path" -> HttpOperation.Location.PATH;
			case "query" -> HttpOperation.Location.QUERY;
			case "header" -> HttpOperation.Location.HEADER;
			default -> null;
		};
	}

	private static @Nullable Schema<?> parameterSchema(Parameter parameter) {
		if (parameter.getSchema() != null) {
			return parameter.getSchema();
		}
		Content content = parameter.getContent();
		return (content != null && !content.isEmpty()) ? content.values().iterator().next().getSchema() : null;
	}

	private static @Nullable RequestBody requestBody(OpenAPI openApi, Operation operation) {
		RequestBody body = operation.getRequestBody();
		if (body == null || body.get$ref() == null) {
			return body;
		}
		String name = body.get$ref().substring(body.get$ref().lastIndexOf('/') + 1);
		Map<String, RequestBody> components = (openApi.getComponents() != null)
				? openApi.getComponents().getRequestBodies() : null;
		return (components != null) ? components.get(name) : null;
	}

	private static @Nullable Schema<?> jsonSchema(@Nullable Content content) {
		if (content == null) {
			return null;
		}
		for (Map.Entry<String, MediaType> entry : content.entrySet()) {
			String type = entry.getKey().toLowerCase(Locale.ROOT);
			if ((type.startsWith("application/json") || type.contains("+json"))
					&& entry.getValue().getSchema() != null) {
				return entry.getValue().getSchema();
			}
		}
		return null;
	}

	private static ObjectNode describe(ObjectNode schema, @Nullable String description) {
		if (StringUtils.hasText(description) && !schema.has("description")) {
			schema.put("description", description.strip());
		}
		return schema;
	}

	private static @Nullable ObjectNode outputSchema(SchemaConverter schemas, Operation operation) {
		if (operation.getResponses() == null) {
			return null;
		}
		for (Map.Entry<String, ApiResponse> response : operation.getResponses().entrySet()) {
			if (response.getKey().startsWith("2")) {
				Schema<?> schema = jsonSchema(response.getValue().getContent());
				ObjectNode converted = (schema != null) ? schemas.convert(schema) : null;
				return (converted != null && "object".equals(converted.path("type").asString(""))) ? converted : null;
			}
		}
		return null;
	}

	private static String name(OpenApiSource source, Operation operation, HttpMethod method, String path) {
		String base = StringUtils.hasText(operation.getOperationId()) ? operation.getOperationId()
				: method.name().toLowerCase(Locale.ROOT) + "_" + path;
		String name = (source.prefix() + base).replaceAll("[^A-Za-z0-9_.-]+", "_").replaceAll("_{2,}", "_");
		name = name.replaceAll("^_+|_+$", "");
		return (name.length() > MAX_NAME_LENGTH) ? name.substring(0, MAX_NAME_LENGTH) : name;
	}

	private static String description(Operation operation, HttpOperation httpOperation) {
		String summary = operation.getSummary();
		String description = operation.getDescription();
		if (StringUtils.hasText(summary) && StringUtils.hasText(description)
				&& !description.strip().equals(summary.strip())) {
			return summary.strip() + "\n\n" + description.strip();
		}
		if (StringUtils.hasText(summary)) {
			return summary.strip();
		}
		return StringUtils.hasText(description) ? description.strip() : httpOperation.toString();
	}

	private static ToolAnnotations annotations(Operation operation, HttpMethod method) {
		boolean readOnly = method == HttpMethod.GET || method == HttpMethod.HEAD;
		boolean idempotent = readOnly || method == HttpMethod.PUT || method == HttpMethod.DELETE;
		String title = StringUtils.hasText(operation.getSummary()) ? operation.getSummary().strip() : null;
		return new ToolAnnotations(title, readOnly, readOnly ? null : method == HttpMethod.DELETE, idempotent, true);
	}

	private static String baseUrl(OpenApiSource source, OpenAPI openApi) {
		if (StringUtils.hasText(source.baseUrl())) {
			return source.baseUrl();
		}
		List<Server> servers = (openApi.getServers() != null) ? openApi.getServers() : List.of();
		return servers.stream()
			.map(Server::getUrl)
			.filter((url) -> url != null && (url.startsWith("http://") || url.startsWith("https://")))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("OpenAPI source '" + source.name()
					+ "' has no absolute server URL: set mcp.server.openapi.sources." + source.name() + ".base-url"));
	}

}
