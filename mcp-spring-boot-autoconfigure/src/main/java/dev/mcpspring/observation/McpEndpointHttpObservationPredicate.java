package dev.mcpspring.observation;

import java.util.Set;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;

/**
 * {@link ObservationPredicate} that drops the HTTP server observation of requests to the
 * MCP endpoints, which the {@code mcp.server.operation} observation of
 * {@link ObservationMcpServerInterceptor} already records, so that such a request costs
 * one observation, one timer, rather than two, on WebFlux and on a servlet container.
 * Observations of other paths, and every other observation, are kept.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class McpEndpointHttpObservationPredicate implements ObservationPredicate {

	private static final boolean servletPresent = ClassUtils.isPresent("jakarta.servlet.http.HttpServletRequest",
			McpEndpointHttpObservationPredicate.class.getClassLoader());

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
		if (servletPresent) {
			String path = ServletRequests.pathWithinApplication(context);
			return path == null || !this.paths.contains(path);
		}
		return true;
	}

	/**
	 * The observations of a servlet container, such as a Spring MVC application's Tomcat,
	 * kept apart so that their classes load only with the servlet API present.
	 */
	private static final class ServletRequests {

		static @Nullable String pathWithinApplication(Observation.Context context) {
			if (context instanceof org.springframework.http.server.observation.ServerRequestObservationContext servletContext) {
				HttpServletRequest request = servletContext.getCarrier();
				return request.getRequestURI().substring(request.getContextPath().length());
			}
			return null;
		}

	}

}
