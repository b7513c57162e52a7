package dev.mcpspring.autoconfigure.diagnostics;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a {@link NoMcpWebServerException}: which web stack to add, or how to serve the
 * server over stdio instead.
 *
 * @author MCP Spring Boot team
 */
class NoMcpWebServerFailureAnalyzer extends AbstractFailureAnalyzer<NoMcpWebServerException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, NoMcpWebServerException cause) {
		String description = String.format("MCP server '%s' is to be served over Streamable HTTP "
				+ "(mcp.server.transport.streamable-http.enabled), but the application is not a web application: "
				+ "neither a reactive nor a servlet web server is on the classpath. Standard input and output "
				+ "(mcp.server.transport.stdio.enabled) are off too, so no client could reach the server.",
				cause.getServerName());
		String action = String.format("Add one web stack to your build:%n"
				+ "    org.springframework.boot:spring-boot-starter-webflux (Spring WebFlux on Netty), or%n"
				+ "    org.springframework.boot:spring-boot-starter-webmvc (Spring MVC on Tomcat; MCP is served by a "
				+ "servlet and needs spring-webflux on the classpath too, which dev.mcpspring:mcp-spring-boot-starter "
				+ "brings).%n"
				+ "Or set mcp.server.transport.stdio.enabled=true to serve MCP over standard input and output, or "
				+ "set spring.main.web-application-type=none if the application serves MCP some other way.");
		return new FailureAnalysis(description, action, cause);
	}

}
