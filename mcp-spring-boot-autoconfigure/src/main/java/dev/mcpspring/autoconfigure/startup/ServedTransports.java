package dev.mcpspring.autoconfigure.startup;

import java.util.ArrayList;
import java.util.List;

import dev.mcpspring.autoconfigure.McpServerProperties;
import dev.mcpspring.autoconfigure.McpTransportProperties;
import dev.mcpspring.transport.stdio.StdioMcpTransport;
import dev.mcpspring.transport.webflux.McpSseHandler;
import dev.mcpspring.transport.webflux.McpStreamableHttpHandler;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * The MCP transports an application serves, told by the transport beans it has.
 *
 * @param streamableHttpPath the path of the Streamable HTTP endpoint, or {@code null}
 * when it is not served
 * @param ssePaths the connect and message paths of the legacy HTTP+SSE transport, or an
 * empty list when it is not served
 * @param stdio whether MCP is served over standard input and output
 * @author MCP Spring Boot team
 */
record ServedTransports(@Nullable String streamableHttpPath, List<String> ssePaths, boolean stdio) {

	private static final boolean webFluxPresent = ClassUtils.isPresent(
			"org.springframework.web.reactive.function.server.RouterFunction", ServedTransports.class.getClassLoader());

	/**
	 * Find the transports of an application.
	 * @param beanFactory the bean factory of the application
	 * @param properties the MCP server properties
	 * @return the transports served
	 */
	static ServedTransports of(ListableBeanFactory beanFactory, McpServerProperties properties) {
		McpTransportProperties transport = properties.getTransport();
		boolean streamableHttp = webFluxPresent && WebFluxTransports.streamableHttp(beanFactory);
		boolean sse = webFluxPresent && WebFluxTransports.sse(beanFactory);
		return new ServedTransports(streamableHttp ? transport.getStreamableHttp().getPath() : null,
				sse ? List.of(transport.getSse().getPath(), transport.getSse().getMessagePath()) : List.of(),
				hasBean(beanFactory, StdioMcpTransport.class));
	}

	/**
	 * Whether no transport is served.
	 * @return {@code true} if no client can reach the server
	 */
	boolean isEmpty() {
		return this.streamableHttpPath == null && this.ssePaths.isEmpty() && !this.stdio;
	}

	/**
	 * Describe the transports and their endpoints.
	 * @param port the port of the web server, or {@code null} when unknown
	 * @return for example {@code Streamable HTTP at /mcp on port 8080}
	 */
	String describe(@Nullable String port) {
		List<String> http = new ArrayList<>();
		if (this.streamableHttpPath != null) {
			http.add("Streamable HTTP at " + this.streamableHttpPath);
		}
		if (!this.ssePaths.isEmpty()) {
			http.add("legacy HTTP+SSE at " + String.join(" and ", this.ssePaths));
		}
		List<String> all = new ArrayList<>();
		if (!http.isEmpty()) {
			all.add(String.join(", ", http) + ((port != null) ? " on port " + port : ""));
		}
		if (this.stdio) {
			all.add("stdio");
		}
		return String.join("; ", all);
	}

	private static boolean hasBean(ListableBeanFactory beanFactory, Class<?> type) {
		return beanFactory.getBeanNamesForType(type, true, false).length > 0;
	}

	/**
	 * The transports on Spring WebFlux, kept apart so that their classes load only with
	 * WebFlux on the classpath.
	 */
	private static final class WebFluxTransports {

		static boolean streamableHttp(ListableBeanFactory beanFactory) {
			return hasBean(beanFactory, McpStreamableHttpHandler.class);
		}

		static boolean sse(ListableBeanFactory beanFactory) {
			return hasBean(beanFactory, McpSseHandler.class);
		}

	}

}
