package dev.mcpspring.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * Configuration properties of the MCP server, checked once bound: a value the server
 * cannot work with fails startup with an
 * {@link dev.mcpspring.autoconfigure.diagnostics.InvalidMcpPropertyException} naming the
 * property.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@ConfigurationProperties("mcp.server")
public class McpServerProperties implements InitializingBean {

	/**
	 * Whether to enable the MCP server.
	 */
	private boolean enabled = true;

	/**
	 * Server name sent to clients as serverInfo.name.
	 */
	private String name = "mcp-server";

	/**
	 * Server version sent to clients as serverInfo.version.
	 */
	private String version = "1.0.0";

	/**
	 * Human-readable server title sent to clients.
	 */
	private @Nullable String title;

	/**
	 * Instructions that tell the model how to use the server.
	 */
	private @Nullable String instructions;

	/**
	 * Maximum number of items in one page of tools/list, prompts/list, resources/list and
	 * resources/templates/list.
	 */
	private int pageSize = 100;

	/**
	 * How long to wait for the client to answer a server-to-client request such as
	 * sampling or elicitation.
	 */
	private Duration clientRequestTimeout = Duration.ofMinutes(5);

	@NestedConfigurationProperty
	private final McpSessionProperties session = new McpSessionProperties();

	@NestedConfigurationProperty
	private final McpTransportProperties transport = new McpTransportProperties();

	@NestedConfigurationProperty
	private final McpLimitsProperties limits = new McpLimitsProperties();

	@NestedConfigurationProperty
	private final McpStatelessProperties stateless = new McpStatelessProperties();

	@NestedConfigurationProperty
	private final McpLoggingProperties logging = new McpLoggingProperties();

	@NestedConfigurationProperty
	private final McpToolsProperties tools = new McpToolsProperties();

	@NestedConfigurationProperty
	private final McpTagsProperties tags = new McpTagsProperties();

	@Override
	public void afterPropertiesSet() {
		McpServerPropertiesValidator.validate(this);
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getVersion() {
		return this.version;
	}

	public void setVersion(String version) {
		this.version = version;
	}

	public @Nullable String getTitle() {
		return this.title;
	}

	public void setTitle(@Nullable String title) {
		this.title = title;
	}

	public @Nullable String getInstructions() {
		return this.instructions;
	}

	public void setInstructions(@Nullable String instructions) {
		this.instructions = instructions;
	}

	public int getPageSize() {
		return this.pageSize;
	}

	public void setPageSize(int pageSize) {
		this.pageSize = pageSize;
	}

	public Duration getClientRequestTimeout() {
		return this.clientRequestTimeout;
	}

	public void setClientRequestTimeout(Duration clientRequestTimeout) {
		this.clientRequestTimeout = clientRequestTimeout;
	}

	public McpSessionProperties getSession() {
		return this.session;
	}

	public McpTransportProperties getTransport() {
		return this.transport;
	}

	public McpLimitsProperties getLimits() {
		return this.limits;
	}

	public McpStatelessProperties getStateless() {
		return this.stateless;
	}

	public McpLoggingProperties getLogging() {
		return this.logging;
	}

	public McpToolsProperties getTools() {
		return this.tools;
	}

	public McpTagsProperties getTags() {
		return this.tags;
	}

}
