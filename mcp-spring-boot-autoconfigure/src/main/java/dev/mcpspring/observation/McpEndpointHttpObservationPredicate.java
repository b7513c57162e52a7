package dev.mcpspring.observation;

import java.util.Set;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;

import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.util.Assert;

/**
 * {@link ObservationPredicate} that drops the HTTP server observation of requests to
 * the MCP endpoints, which the {@code mcp.server.operation} observation of
 * {@link ObservationMcpServerInterceptor} already records, so that such a request costs
 * one observation, one timer, rather than two. Observations of other paths, and every
 * other observation, are kept.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class McpEndpointHttpObservationPredicate implements ObservationPredicate {

	private final Set<String> paths;

	/**
	 * Create a predicate.
	 * @param paths the paths of the MCP endpoints, within the application
	 */
	public McpEndpointHttpObservationPredicate(Set<String> paths) {
		Assert.notNull(paths, "Paths are required");
		this.paths = Set.copyOf(paths);
	}

	@Override
	public boolean test(String name, Observation.Context context) {
		if (context instanceof ServerRequestObservationContext serverContext) {
			return !this.paths.contains(serverContext.getCarrier().getPath().pathWithinApplication().value());
		}
		return true;
	}

}
