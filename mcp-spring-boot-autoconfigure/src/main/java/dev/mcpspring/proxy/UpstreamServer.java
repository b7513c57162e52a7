package dev.mcpspring.proxy;

import java.time.Duration;
import java.util.function.Supplier;

import io.modelcontextprotocol.spec.McpClientTransport;
import org.springframework.util.Assert;

/**
 * A remote MCP server whose features this server offers as its own.
 *
 * @param name the name of the upstream server, also the tag of every feature it brings
 * @param prefix the prefix of its tool and prompt names ({@code prefix_name}) and of its
 * resource URIs ({@code prefix+uri}), or empty to mount them as they are
 * @param transports creates a transport of the official MCP Java SDK client each time the
 * server is connected to
 * @param requestTimeout how long a call may wait for the upstream server
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public record UpstreamServer(String name, String prefix, Supplier<McpClientTransport> transports,
		Duration requestTimeout) {

	public UpstreamServer {
		Assert.hasText(name, "'name' must not be empty");
		Assert.notNull(prefix, "'prefix' must not be null");
		Assert.isTrue(!requestTimeout.isNegative() && !requestTimeout.isZero(), "'requestTimeout' must be positive");
	}

}
