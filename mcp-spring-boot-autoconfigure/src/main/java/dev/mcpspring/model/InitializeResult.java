package dev.mcpspring.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * Result of the {@code initialize} request.
 *
 * @param protocolVersion the negotiated protocol version
 * @param capabilities the server capabilities
 * @param serverInfo the server name and version
 * @param instructions how to use the server, for the model, or {@code null}
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InitializeResult(String protocolVersion, ServerCapabilities capabilities, Implementation serverInfo,
		@Nullable String instructions) {

}
