package dev.mcpspring.observation;

import java.time.Duration;

import dev.mcpspring.server.ToolTimeoutListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

/**
 * Counts tool calls cancelled by their timeout: {@value #TOOL_TIMEOUTS}, tagged with the
 * tool name (a bounded set: only registered tools can time out).
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class ToolTimeoutCounter implements ToolTimeoutListener, MeterBinder {

	/**
	 * Name of the counter of timed-out tool calls.
	 */
	public static final String TOOL_TIMEOUTS = "mcp.server.tool.timeouts";

	private volatile @Nullable MeterRegistry registry;

	@Override
	public void bindTo(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void onTimeout(String toolName, Duration timeout) {
		MeterRegistry registry = this.registry;
		if (registry != null) {
			Counter.builder(TOOL_TIMEOUTS)
				.description("Tool calls cancelled because they ran longer than their timeout")
				.tag(McpObservationDocumentation.LowCardinalityKeyNames.TOOL_NAME.asString(), toolName)
				.register(registry)
				.increment();
		}
	}

}
