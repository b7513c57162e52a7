package dev.mcpspring.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observations of MCP requests. Declare a bean of this type to replace
 * {@link DefaultMcpServerObservationConvention}, usually by extending it.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public interface McpServerObservationConvention extends ObservationConvention<McpServerObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof McpServerObservationContext;
	}

}
