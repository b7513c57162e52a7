package dev.mcpspring.autoconfigure.proxy;

import java.util.List;

import dev.mcpspring.proxy.McpProxy;

import org.springframework.context.SmartLifecycle;

/**
 * The proxies configured by properties, started and stopped with the application.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public final class McpProxies implements SmartLifecycle {

	private final List<McpProxy> proxies;

	private volatile boolean running;

	McpProxies(List<McpProxy> proxies) {
		this.proxies = List.copyOf(proxies);
	}

	/**
	 * Return the proxies.
	 * @return the proxies, one per configured upstream server
	 */
	public List<McpProxy> getProxies() {
		return this.proxies;
	}

	@Override
	public void start() {
		this.proxies.forEach(McpProxy::start);
		this.running = true;
	}

	@Override
	public void stop() {
		this.proxies.forEach(McpProxy::stop);
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return McpProxy.PHASE;
	}

}
