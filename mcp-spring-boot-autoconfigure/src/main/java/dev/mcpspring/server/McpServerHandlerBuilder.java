package dev.mcpspring.server;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.mcpspring.model.Implementation;
import dev.mcpspring.schema.DefaultJsonSchemaGenerator;
import dev.mcpspring.schema.JsonSchemaGenerator;
import dev.mcpspring.server.session.McpSessionBroker;
import dev.mcpspring.server.stateless.CacheHints;
import dev.mcpspring.server.stateless.RequestStateCodec;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.Assert;

/**
 * Builds a {@link McpServerHandler}: the registries, session store, resolvers and
 * settings of the engine, each with a default.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public final class McpServerHandlerBuilder {

	final Implementation serverInfo;

	@Nullable String instructions;

	ToolRegistry toolRegistry = new ToolRegistry();

	PromptRegistry promptRegistry = new PromptRegistry();

	ResourceRegistry resourceRegistry = new ResourceRegistry();

	CompletionRegistry completionRegistry = new CompletionRegistry();

	List<McpExceptionResolver> exceptionResolvers = new ArrayList<>(List.of(new DefaultMcpExceptionResolver()));

	List<McpFeatureExceptionResolver> featureExceptionResolvers = new ArrayList<>(
			List.of(new DefaultMcpFeatureExceptionResolver()));

	int pageSize = 100;

	Duration clientRequestTimeout = Duration.ofMinutes(1);

	@Nullable Duration toolTimeout;

	List<ToolTimeoutListener> toolTimeoutListeners = new ArrayList<>();

	SessionAttributeLimits sessionAttributeLimits = SessionAttributeLimits.DEFAULTS;

	List<McpExceptionTranslator> exceptionTranslators = new ArrayList<>();

	JsonMapper jsonMapper = new JsonMapper();

	JsonSchemaGenerator schemaGenerator = new DefaultJsonSchemaGenerator();

	Clock clock = Clock.systemUTC();

	List<McpServerInterceptor> interceptors = new ArrayList<>();

	McpFeatureFilter featureFilter = (feature, request) -> true;

	boolean maskErrorDetails = true;

	@Nullable RequestStateCodec requestStateCodec;

	CacheHints cacheHints = CacheHints.DEFAULTS;

	@Nullable McpStatelessExtension statelessExtension;

	String instanceId = McpSessionBroker.local().getInstanceId();

	McpServerHandlerBuilder(Implementation serverInfo) {
		Assert.notNull(serverInfo, "Implementation is required");
		this.serverInfo = serverInfo;
	}

	public McpServerHandlerBuilder instructions(@Nullable String instructions) {
		this.instructions = instructions;
		return this;
	}

	public McpServerHandlerBuilder toolRegistry(ToolRegistry toolRegistry) {
		this.toolRegistry = toolRegistry;
		return this;
	}

	public McpServerHandlerBuilder promptRegistry(PromptRegistry promptRegistry) {
		this.promptRegistry = promptRegistry;
		return this;
	}

	public McpServerHandlerBuilder resourceRegistry(ResourceRegistry resourceRegistry) {
		this.resourceRegistry = resourceRegistry;
		return this;
	}

	public McpServerHandlerBuilder completionRegistry(CompletionRegistry completionRegistry) {
		this.completionRegistry = completionRegistry;
		return this;
	}

	/**
	 * Set the tool exception resolvers, tried in order before the generic fallback.
	 * @param exceptionResolvers the resolvers
	 * @return this builder
	 */
	public McpServerHandlerBuilder exceptionResolvers(List<McpExceptionResolver> exceptionResolvers) {
		this.exceptionResolvers = new ArrayList<>(exceptionResolvers);
		return this;
	}

	/**
	 * Set the exception resolvers of prompts, resources and completions, tried in order
	 * before the generic internal error.
	 * @param featureExceptionResolvers the resolvers
	 * @return this builder
	 */
	public McpServerHandlerBuilder featureExceptionResolvers(
			List<McpFeatureExceptionResolver> featureExceptionResolvers) {
		this.featureExceptionResolvers = new ArrayList<>(featureExceptionResolvers);
		return this;
	}

	public McpServerHandlerBuilder pageSize(int pageSize) {
		Assert.isTrue(pageSize > 0, "pageSize must be positive");
		this.pageSize = pageSize;
		return this;
	}

	public McpServerHandlerBuilder clientRequestTimeout(Duration clientRequestTimeout) {
		this.clientRequestTimeout = clientRequestTimeout;
		return this;
	}

	/**
	 * Set how long a tool call may run when its tool sets no timeout of its own.
	 * @param toolTimeout the timeout, or {@code null} or zero for none
	 * @return this builder
	 * @see ToolHandler#getTimeout()
	 */
	public McpServerHandlerBuilder toolTimeout(@Nullable Duration toolTimeout) {
		Assert.isTrue(toolTimeout == null || !toolTimeout.isNegative(), "toolTimeout must not be negative");
		this.toolTimeout = toolTimeout;
		return this;
	}

	/**
	 * Set how many attributes, and how much JSON, a session may hold.
	 * @param sessionAttributeLimits the limits
	 * @return this builder
	 * @see McpContext#putAttribute(String, Object)
	 */
	public McpServerHandlerBuilder sessionAttributeLimits(SessionAttributeLimits sessionAttributeLimits) {
		Assert.notNull(sessionAttributeLimits, "SessionAttributeLimits is required");
		this.sessionAttributeLimits = sessionAttributeLimits;
		return this;
	}

	/**
	 * Set what turns handler failures into protocol errors before they are resolved.
	 * @param exceptionTranslators the translators, in order
	 * @return this builder
	 */
	public McpServerHandlerBuilder exceptionTranslators(List<McpExceptionTranslator> exceptionTranslators) {
		Assert.notNull(exceptionTranslators, "Exception translators are required");
		this.exceptionTranslators = new ArrayList<>(exceptionTranslators);
		return this;
	}

	/**
	 * Set who hears of tool calls that timed out.
	 * @param listeners the listeners
	 * @return this builder
	 */
	public McpServerHandlerBuilder toolTimeoutListeners(List<ToolTimeoutListener> listeners) {
		this.toolTimeoutListeners = new ArrayList<>(listeners);
		return this;
	}

	public McpServerHandlerBuilder jsonMapper(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
		return this;
	}

	public McpServerHandlerBuilder schemaGenerator(JsonSchemaGenerator schemaGenerator) {
		this.schemaGenerator = schemaGenerator;
		return this;
	}

	/**
	 * Set the interceptors, outermost first.
	 * @param interceptors the interceptors
	 * @return this builder
	 */
	public McpServerHandlerBuilder interceptors(List<McpServerInterceptor> interceptors) {
		this.interceptors = new ArrayList<>(interceptors);
		return this;
	}

	/**
	 * Set whether the answers to unexpected exceptions hide what the exception says: a
	 * generic JSON-RPC internal error, or a generic {@code isError} result for a tool.
	 * Messages of {@link McpException}s, {@link ToolCallException}s and what exception
	 * resolvers answer are always sent. Turn masking off only in development.
	 * @param maskErrorDetails {@code false} to add the exception's type and message
	 * @return this builder
	 */
	public McpServerHandlerBuilder maskErrorDetails(boolean maskErrorDetails) {
		this.maskErrorDetails = maskErrorDetails;
		return this;
	}

	/**
	 * Set the filter that hides features from requests.
	 * @param featureFilter the filter
	 * @return this builder
	 */
	public McpServerHandlerBuilder featureFilter(McpFeatureFilter featureFilter) {
		this.featureFilter = featureFilter;
		return this;
	}

	/**
	 * Set the codec of multi round-trip request state; without one, a random key valid
	 * for this process only is used.
	 * @param requestStateCodec the codec
	 * @return this builder
	 */
	public McpServerHandlerBuilder requestStateCodec(RequestStateCodec requestStateCodec) {
		this.requestStateCodec = requestStateCodec;
		return this;
	}

	public McpServerHandlerBuilder cacheHints(CacheHints cacheHints) {
		this.cacheHints = cacheHints;
		return this;
	}

	/**
	 * Set the id of this instance among the replicas of the server, which prefixes the
	 * ids of the requests it sends to clients, so that a client's answer reaching another
	 * replica can be routed back here.
	 * @param instanceId the instance id, URL-safe
	 * @return this builder
	 */
	public McpServerHandlerBuilder instanceId(String instanceId) {
		Assert.hasText(instanceId, "instanceId is required");
		this.instanceId = instanceId;
		return this;
	}

	/**
	 * Set the extension of the stateless revision to defer to, such as the tasks
	 * extension.
	 * @param statelessExtension the extension, or {@code null} for none
	 * @return this builder
	 */
	public McpServerHandlerBuilder statelessExtension(@Nullable McpStatelessExtension statelessExtension) {
		this.statelessExtension = statelessExtension;
		return this;
	}

	public McpServerHandlerBuilder clock(Clock clock) {
		this.clock = clock;
		return this;
	}

	/**
	 * Build the engine.
	 * @return the engine
	 */
	public McpServerHandler build() {
		return new McpServerHandler(this);
	}

}
