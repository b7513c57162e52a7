package dev.mcpspring.proxy;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import dev.mcpspring.server.McpContextFactory;
import dev.mcpspring.server.McpServerFeatures;
import dev.mcpspring.server.PromptHandler;
import dev.mcpspring.server.ResourceHandler;
import dev.mcpspring.server.ToolHandler;
import io.modelcontextprotocol.client.McpAsyncClient;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.spec.McpSchema;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.SmartLifecycle;

/**
 * Serves the tools, prompts and resources of a remote MCP server as features of this one,
 * through the official MCP Java SDK client: they are listed when the upstream server is
 * connected, kept in step with its list-changed notifications, and each call is forwarded
 * with its progress. The connection is shared by every client of this server and made
 * again when it fails.
 *
 * <p>
 * Connecting starts with the application and is retried in the background, so an upstream
 * server that is down at startup does not stop this one; its features appear once it
 * answers. Since clients learn which kinds of features a server has when they connect, a
 * server with a proxy always offers prompts and resources.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public final class McpProxy implements SmartLifecycle {

	/**
	 * Starts before and stops after the web server, so that calls in flight at shutdown
	 * still reach the upstream server.
	 */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private static final Log logger = LogFactory.getLog(McpProxy.class);

	private static final int MAX_PAGES = 100;

	private static final Duration FIRST_RETRY = Duration.ofSeconds(1);

	private static final Duration MAX_RETRY = Duration.ofSeconds(30);

	private final UpstreamServer upstream;

	private final ProgressRelay progress = new ProgressRelay();

	private final UpstreamConnection connection;

	private final ProxiedFeatures features;

	private final MountedFeatures<ToolHandler> tools;

	private final MountedFeatures<PromptHandler> prompts;

	private final MountedFeatures<ResourceHandler> resources;

	private final MountedFeatures<ResourceHandler> templates;

	private volatile @Nullable Disposable connecting;

	/**
	 * Create a proxy.
	 * @param upstream the upstream server
	 * @param features the registries of this server
	 * @param contexts creates the context of a call, to report progress to its caller
	 * @param jsonMapper converts between the SDK's model and this server's
	 */
	public McpProxy(UpstreamServer upstream, McpServerFeatures features, McpContextFactory contexts,
			JsonMapper jsonMapper) {
		this.upstream = upstream;
		this.connection = new UpstreamConnection(upstream.name(), this::createClient, this::mountAll);
		this.features = new ProxiedFeatures(upstream, this.connection, this.progress, contexts, jsonMapper);
		features.prompts().offerWhileEmpty();
		features.resources().offerWhileEmpty();
		String name = upstream.name();
		this.tools = new MountedFeatures<>(name, features.tools(), features.tools()::register,
				(handler) -> handler.getTool().name(), ToolHandler::getTool);
		this.prompts = new MountedFeatures<>(name, features.prompts(), features.prompts()::register,
				(handler) -> handler.getPrompt().name(), PromptHandler::getPrompt);
		this.resources = new MountedFeatures<>(name, features.resources().getResources(),
				features.resources()::register, (handler) -> handler.getResource().uri(), ResourceHandler::getResource);
		this.templates = new MountedFeatures<>(name, features.resources().getTemplates(),
				features.resources()::register, (handler) -> handler.getResourceTemplate().uriTemplate(),
				ResourceHandler::getResourceTemplate);
	}

	/**
	 * Return the upstream server.
	 * @return the upstream server
	 */
	public UpstreamServer getUpstream() {
		return this.upstream;
	}

	/**
	 * Connect to the upstream server now if not connected, and list its features again.
	 * @return completes once the features are mounted
	 */
	public Mono<Void> refresh() {
		return this.connection.client().flatMap(this::mountAll);
	}

	private McpAsyncClient createClient() {
		return McpClient.async(this.upstream.transports().get())
			.clientInfo(new McpSchema.Implementation("mcp-spring-boot-proxy", "0.1.0"))
			.requestTimeout(this.upstream.requestTimeout().plus(Duration.ofSeconds(5)))
			.initializationTimeout(this.upstream.requestTimeout())
			.progressConsumer(this.progress::relay)
			.loggingConsumer(this::log)
			.toolsChangeConsumer((listed) -> Mono.fromRunnable(() -> mountTools(listed)))
			.promptsChangeConsumer((listed) -> Mono.fromRunnable(() -> mountPrompts(listed)))
			.resourcesChangeConsumer((listed) -> Mono.fromRunnable(() -> mountResources(listed))
				.then(this.connection.client().flatMap(this::mountTemplates)))
			.build();
	}

	private Mono<Void> mountAll(McpAsyncClient client) {
		McpSchema.ServerCapabilities capabilities = client.getServerCapabilities();
		Mono<Void> tools = (capabilities.tools() != null)
				? all(client::listTools, McpSchema.ListToolsResult::tools, McpSchema.ListToolsResult::nextCursor)
					.doOnNext(this::mountTools)
					.then()
				: Mono.empty();
		Mono<Void> prompts = (capabilities.prompts() != null)
				? all(client::listPrompts, McpSchema.ListPromptsResult::prompts,
						McpSchema.ListPromptsResult::nextCursor)
					.doOnNext(this::mountPrompts)
					.then()
				: Mono.empty();
		Mono<Void> resources = (capabilities.resources() != null)
				? all(client::listResources, McpSchema.ListResourcesResult::resources,
						McpSchema.ListResourcesResult::nextCursor)
					.doOnNext(this::mountResources)
					.then(mountTemplates(client))
				: Mono.empty();
		return Mono.when(tools, prompts, resources)
			.doOnSuccess((done) -> logger.info("Serving upstream MCP server '" + this.upstream.name() + "'"));
	}

	private Mono<Void> mountTemplates(McpAsyncClient client) {
		return all(client::listResourceTemplates, McpSchema.ListResourceTemplatesResult::resourceTemplates,
				McpSchema.ListResourceTemplatesResult::nextCursor)
			.doOnNext((listed) -> this.templates.mount(listed.stream().map(this.features::resourceTemplate).toList()))
			.then();
	}

	private void mountTools(List<McpSchema.Tool> listed) {
		this.tools.mount(listed.stream().map(this.features::tool).toList());
	}

	private void mountPrompts(List<McpSchema.Prompt> listed) {
		this.prompts.mount(listed.stream().map(this.features::prompt).toList());
	}

	private void mountResources(List<McpSchema.Resource> listed) {
		this.resources.mount(listed.stream().map(this.features::resource).toList());
	}

	/**
	 * Read every page of a list, up to a bound, so that an upstream server that always
	 * answers with a cursor cannot keep this one listing forever.
	 */
	private static <R, T> Mono<List<T>> all(Function<@Nullable String, Mono<R>> page, Function<R, List<T>> items,
			Function<R, @Nullable String> nextCursor) {
		return page.apply(null).expand((result) -> {
			String cursor = nextCursor.apply(result);
			return (cursor != null) ? page.apply(cursor) : Mono.empty();
		}).take(MAX_PAGES).flatMapIterable(items).collectList();
	}

	private Mono<Void> log(McpSchema.LoggingMessageNotification notification) {
		if (logger.isDebugEnabled()) {
			logger.debug("Upstream MCP server '" + this.upstream.name() + "' logged (" + notification.level() + "): "
					+ String.valueOf(notification.data()).replaceAll("[\\p{Cntrl}]", " "));
		}
		return Mono.empty();
	}

	@Override
	public void start() {
		this.connecting = this.connection.client()
			.retryWhen(Retry.backoff(Long.MAX_VALUE, FIRST_RETRY)
				.maxBackoff(MAX_RETRY)
				.doBeforeRetry((signal) -> logger.warn("Cannot connect to upstream MCP server '" + this.upstream.name()
						+ "' (" + signal.failure().getClass().getSimpleName() + "); trying again")))
			.subscribe();
	}

	@Override
	public void stop() {
		Disposable connecting = this.connecting;
		if (connecting != null) {
			connecting.dispose();
			this.connecting = null;
		}
		this.connection.close();
		this.tools.unmount();
		this.prompts.unmount();
		this.resources.unmount();
		this.templates.unmount();
	}

	@Override
	public boolean isRunning() {
		return this.connecting != null;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
