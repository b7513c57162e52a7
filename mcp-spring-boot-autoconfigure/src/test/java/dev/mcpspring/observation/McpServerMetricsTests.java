package dev.mcpspring.observation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import dev.mcpspring.server.OpenStreams;
import dev.mcpspring.server.session.InMemoryMcpSessionRepository;
import dev.mcpspring.server.session.McpSession;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link McpServerMetrics}.
 */
class McpServerMetricsTests {

	@Test
	void gaugesReportSessionsAndStreams() {
		InMemoryMcpSessionRepository repository = new InMemoryMcpSessionRepository(10, Duration.ofMinutes(1),
				Clock.systemUTC());
		repository.save(new McpSession("s1", "2025-11-25", null, null, Instant.now())).block(Duration.ofSeconds(1));
		repository.save(new McpSession("s2", "2025-11-25", null, null, Instant.now())).block(Duration.ofSeconds(1));
		OpenStreams streams = new OpenStreams(10);
		streams.tryOpen();
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		new McpServerMetrics(repository, streams, Duration.ofSeconds(1)).bindTo(registry);
		assertThat(registry.get("mcp.server.sessions.active").gauge().value()).isEqualTo(2);
		assertThat(registry.get("mcp.server.streams.open").gauge().value()).isEqualTo(1);
	}

}
