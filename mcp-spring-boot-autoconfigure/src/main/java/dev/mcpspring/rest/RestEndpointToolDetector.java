package dev.mcpspring.rest;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import dev.mcpspring.annotation.McpExposed;
import dev.mcpspring.method.support.ToolResultConverter;
import dev.mcpspring.model.Tool;
import dev.mcpspring.model.ToolAnnotations;
import dev.mcpspring.schema.JsonSchemaGenerator;
import dev.mcpspring.schema.OutputSchema;
import dev.mcpspring.schema.SchemaProperty;
import dev.mcpspring.server.ResourceRegistry;
import dev.mcpspring.server.ToolRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ReactiveAdapter;
import org.springframework.core.ReactiveAdapterRegistry;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.util.AntPathMatcher;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

/**
 * Finds the WebFlux handler methods to offer as tools at startup, those annotated with
 * {@link McpExposed} (or in an annotated controller) and those the
 * {@link EndpointSelection} includes, and registers a {@link RestEndpointToolHandler} for
 * each, or a {@link RestEndpointResourceHandler} for the {@code GET} endpoints chosen as
 * resources. Input schemas come from the {@code @PathVariable}, {@code @RequestParam} and
 * {@code @RequestBody} parameters, with the same generator and Jakarta constraints as
 * {@code @McpTool}; output schemas from the return type.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class RestEndpointToolDetector implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(RestEndpointToolDetector.class);

	private static final DefaultParameterNameDiscoverer parameterNames = new DefaultParameterNameDiscoverer();

	private static final AntPathMatcher pathMatcher = new AntPathMatcher();

	/**
	 * What the URIs of endpoints offered as resources start with, unless set.
	 */
	public static final String DEFAULT_RESOURCE_BASE_URI = "rest://app";

	private final Supplier<List<RequestMappingHandlerMapping>> handlerMappings;

	private final EndpointSelection selection;

	private final JsonSchemaGenerator schemaGenerator;

	private final ToolRegistry toolRegistry;

	private final ResourceRegistry resourceRegistry;

	private final JsonMapper jsonMapper;

	private final InProcessExchange exchange;

	private String basePath = "";

	private List<String> resourcePaths = List.of();

	private String resourceBaseUri = DEFAULT_RESOURCE_BASE_URI;

	/**
	 * Create a detector.
	 * @param handlerMappings the handler mappings whose methods are candidates, looked up
	 * once all singletons exist
	 * @param selection which endpoints the properties include or exclude
	 * @param schemaGenerator generates input and output schemas
	 * @param toolRegistry where the tools are registered
	 * @param resourceRegistry where the resources are registered
	 * @param httpHandler the application's HTTP handler, looked up at the first call
	 * @param jsonMapper reads and writes JSON bodies
	 */
	public RestEndpointToolDetector(Supplier<List<RequestMappingHandlerMapping>> handlerMappings,
			EndpointSelection selection, JsonSchemaGenerator schemaGenerator, ToolRegistry toolRegistry,
			ResourceRegistry resourceRegistry, Supplier<HttpHandler> httpHandler, JsonMapper jsonMapper) {
		this.handlerMappings = handlerMappings;
		this.selection = selection;
		this.schemaGenerator = schemaGenerator;
		this.toolRegistry = toolRegistry;
		this.resourceRegistry = resourceRegistry;
		this.jsonMapper = jsonMapper;
		this.exchange = new InProcessExchange(httpHandler, jsonMapper);
	}

	/**
	 * Set the path the application's {@code HttpHandler} expects ahead of the handler
	 * mappings' paths, such as Boot's {@code spring.webflux.base-path}.
	 * @param basePath the base path, or empty for none
	 */
	public void setBasePath(String basePath) {
		Assert.notNull(basePath, "Base path is required");
		String trimmed = basePath.strip();
		this.basePath = (trimmed.isEmpty() || trimmed.equals("/")) ? ""
				: (trimmed.startsWith("/") ? "" : "/") + StringUtils.trimTrailingCharacter(trimmed, '/');
	}

	/**
	 * Set the Ant-style path patterns of the {@code GET} endpoints to offer as resources
	 * (or resource templates, when the path has variables) rather than tools.
	 * {@code @McpExposed(resource = true)} does the same for one endpoint.
	 * @param resourcePaths the path patterns
	 */
	public void setResourcePaths(List<String> resourcePaths) {
		this.resourcePaths = List.copyOf(resourcePaths);
	}

	/**
	 * Set what the URI of an endpoint offered as a resource starts with: the URI is this
	 * base followed by the endpoint's path, such as {@code rest://app/api/books/{isbn}}.
	 * @param resourceBaseUri the base URI, without a trailing slash
	 */
	public void setResourceBaseUri(String resourceBaseUri) {
		Assert.hasText(resourceBaseUri, "Resource base URI is required");
		this.resourceBaseUri = StringUtils.trimTrailingCharacter(resourceBaseUri.strip(), '/');
	}

	@Override
	public void afterSingletonsInstantiated() {
		for (RequestMappingHandlerMapping mapping : this.handlerMappings.get()) {
			for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
				register(entry.getKey(), entry.getValue());
			}
		}
	}

	private void register(RequestMappingInfo info, HandlerMethod handlerMethod) {
		Method method = handlerMethod.getMethod();
		McpExposed exposed = AnnotatedElementUtils.findMergedAnnotation(method, McpExposed.class);
		boolean classExposed = AnnotatedElementUtils.hasAnnotation(handlerMethod.getBeanType(), McpExposed.class);
		Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
		HttpMethod httpMethod = methods.isEmpty() ? HttpMethod.GET : methods.iterator().next().asHttpMethod();
		for (var pattern : info.getPatternsCondition().getPatterns()) {
			String path = pattern.getPatternString();
			boolean selected = exposed != null || classExposed || this.selection.includes(httpMethod.name(), path);
			if (selected && !this.selection.excludes(httpMethod.name(), path)) {
				try {
					if (isResource(exposed, httpMethod, path)) {
						this.resourceRegistry.register(createResource(handlerMethod, exposed, path));
					}
					else {
						this.toolRegistry.register(createTool(handlerMethod, exposed, httpMethod, path));
					}
				}
				catch (RuntimeException ex) {
					throw new IllegalStateException("Cannot expose " + httpMethod + " " + path + " ("
							+ handlerMethod.getBeanType().getSimpleName() + "#" + method.getName() + ") as a tool: "
							+ ex.getMessage(), ex);
				}
			}
		}
	}

	/**
	 * Whether an endpoint is a resource: a {@code GET} endpoint that the annotation or a
	 * resource path pattern chooses. An annotated endpoint of another method fails.
	 */
	private boolean isResource(@Nullable McpExposed exposed, HttpMethod httpMethod, String path) {
		if (exposed != null && exposed.resource()) {
			Assert.state(httpMethod == HttpMethod.GET, "only GET endpoints can be resources");
			return true;
		}
		return httpMethod == HttpMethod.GET
				&& this.resourcePaths.stream().anyMatch((pattern) -> pathMatcher.match(pattern, path));
	}

	private RestEndpointResourceHandler createResource(HandlerMethod handlerMethod, @Nullable McpExposed exposed,
			String path) {
		List<String> pathVariables = new ArrayList<>();
		for (MethodParameter parameter : handlerMethod.getMethodParameters()) {
			parameter.initParameterNameDiscovery(parameterNames);
			PathVariable pathVariable = parameter.getParameterAnnotation(PathVariable.class);
			RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
			if (pathVariable != null) {
				pathVariables.add(name(pathVariable.name(), parameter));
			}
			else if (requestParam != null && requestParam.required()
					&& ValueConstants.DEFAULT_NONE.equals(requestParam.defaultValue()) && !parameter.isOptional()) {
				throw new IllegalStateException("a resource cannot fill the required query parameter '"
						+ name(requestParam.name(), parameter) + "'");
			}
		}
		String name = (exposed != null && StringUtils.hasText(exposed.name())) ? exposed.name()
				: handlerMethod.getMethod().getName();
		RestEndpoint endpoint = new RestEndpoint(HttpMethod.GET, this.basePath + stripRegex(path),
				List.copyOf(pathVariables), List.of(), false, false);
		String description = (exposed != null && StringUtils.hasText(exposed.description())) ? exposed.description()
				: endpoint.toString();
		String uri = this.resourceBaseUri + stripRegex(path);
		if (logger.isDebugEnabled()) {
			logger.debug("Exposing " + endpoint + " as resource '" + uri + "'");
		}
		return new RestEndpointResourceHandler(uri, name, description, endpoint, this.exchange);
	}

	private RestEndpointToolHandler createTool(HandlerMethod handlerMethod, @Nullable McpExposed exposed,
			HttpMethod httpMethod, String path) {
		List<SchemaProperty> properties = new ArrayList<>();
		List<String> pathVariables = new ArrayList<>();
		List<String> queryParameters = new ArrayList<>();
		boolean hasBody = false;
		boolean bodyRequired = false;
		for (MethodParameter parameter : handlerMethod.getMethodParameters()) {
			parameter.initParameterNameDiscovery(parameterNames);
			PathVariable pathVariable = parameter.getParameterAnnotation(PathVariable.class);
			RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
			RequestBody requestBody = parameter.getParameterAnnotation(RequestBody.class);
			if (pathVariable != null) {
				String name = name(pathVariable.name(), parameter);
				pathVariables.add(name);
				properties.add(property(name, parameter, true, null));
			}
			else if (requestParam != null && !Map.class.isAssignableFrom(parameter.getParameterType())) {
				String name = name(requestParam.name(), parameter);
				boolean hasDefault = !ValueConstants.DEFAULT_NONE.equals(requestParam.defaultValue());
				queryParameters.add(name);
				properties
					.add(property(name, parameter, requestParam.required() && !hasDefault && !parameter.isOptional(),
							hasDefault ? requestParam.defaultValue() : null));
			}
			else if (requestBody != null) {
				hasBody = true;
				bodyRequired = requestBody.required();
				properties.add(property(RestEndpoint.BODY_ARGUMENT, parameter, bodyRequired, null));
			}
		}
		String name = (exposed != null && StringUtils.hasText(exposed.name())) ? exposed.name()
				: handlerMethod.getMethod().getName();
		RestEndpoint endpoint = new RestEndpoint(httpMethod, this.basePath + stripRegex(path),
				List.copyOf(pathVariables), List.copyOf(queryParameters), hasBody, bodyRequired);
		String description = (exposed != null && StringUtils.hasText(exposed.description())) ? exposed.description()
				: endpoint.toString();
		OutputSchema outputSchema = outputSchema(handlerMethod);
		Tool tool = new Tool(name, null, description, this.schemaGenerator.generateInputSchema(properties),
				(outputSchema != null) ? outputSchema.schema() : null, annotations(httpMethod), null, null);
		if (logger.isDebugEnabled()) {
			logger.debug("Exposing " + endpoint + " as tool '" + name + "'");
		}
		return new RestEndpointToolHandler(tool, endpoint, outputSchema, this.exchange, this.jsonMapper);
	}

	private static String name(String declared, MethodParameter parameter) {
		if (StringUtils.hasText(declared)) {
			return declared;
		}
		String name = parameter.getParameterName();
		if (name == null) {
			throw new IllegalStateException("Name of parameter " + parameter.getParameterIndex()
					+ " unknown: compile with -parameters or name it in the annotation");
		}
		return name;
	}

	private SchemaProperty property(String name, MethodParameter parameter, boolean required,
			@Nullable String defaultValue) {
		MethodParameter nested = parameter.nestedIfOptional();
		Type type = nested.getNestedGenericParameterType();
		return new SchemaProperty(name, type, parameter.getParameterAnnotations(), null, required,
				(defaultValue != null) ? defaultValue(defaultValue) : null,
				parameter.getParameter().getAnnotatedType());
	}

	private JsonNode defaultValue(String value) {
		try {
			JsonNode node = this.jsonMapper.readTree(value);
			if (node != null && (node.isNumber() || node.isBoolean())) {
				return node;
			}
		}
		catch (JacksonException ex) {
			// not a number or boolean: a string
		}
		return JsonNodeFactory.instance.stringNode(value);
	}

	private @Nullable OutputSchema outputSchema(HandlerMethod handlerMethod) {
		ResolvableType type = ResolvableType.forMethodReturnType(handlerMethod.getMethod());
		ReactiveAdapter adapter = ReactiveAdapterRegistry.getSharedInstance().getAdapter(type.resolve());
		if (adapter != null) {
			ResolvableType element = type.getGeneric(0);
			type = adapter.isMultiValue() ? ResolvableType.forClassWithGenerics(List.class, element) : element;
		}
		if (HttpEntity.class.isAssignableFrom(type.resolve(Object.class))) {
			type = type.as(HttpEntity.class).getGeneric(0);
		}
		Class<?> rawType = type.resolve(Object.class);
		if (ToolResultConverter.isUnstructured(rawType) || rawType == Optional.class) {
			return null;
		}
		return this.schemaGenerator.generateOutputSchema(type.getType());
	}

	private static ToolAnnotations annotations(HttpMethod method) {
		boolean readOnly = method == HttpMethod.GET || method == HttpMethod.HEAD;
		boolean idempotent = readOnly || method == HttpMethod.PUT || method == HttpMethod.DELETE;
		return new ToolAnnotations(null, readOnly, readOnly ? null : method == HttpMethod.DELETE, idempotent, false);
	}

	/**
	 * Turn {@code {id:\d+}} into {@code {id}}: the argument has been checked by the
	 * schema, and the endpoint checks it again.
	 */
	private static String stripRegex(String path) {
		return path.replaceAll("\\{([^}:]+):[^}]*}", "{$1}");
	}

}
