package dev.mcpspring.observation;

import java.util.Map;
import java.util.Set;

import io.micrometer.observation.Observation;
import org.junit.jupiter.api.Test;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link McpEndpointHttpObservationPredicate}.
 *
 * @author MCP Spring Boot team
 */
class McpEndpointHttpObservationPredicateTests {

	private final McpEndpointHttpObservationPredicate predicate = new McpEndpointHttpObservationPredicate(
			Set.of("/mcp", "/sse"));

	@Test
	void dropsReactiveObservationsOfMcpPaths() {
		assertThat(this.predicate.test("http.server.requests", reactive("/mcp"))).isFalse();
		assertThat(this.predicate.test("http.server.requests", reactive("/actuator/health"))).isTrue();
	}

	@Test
	void dropsServletObservationsOfMcpPathsWithinTheApplication() {
		assertThat(this.predicate.test("http.server.requests", servlet("/app", "/app/sse"))).isFalse();
		assertThat(this.predicate.test("http.server.requests", servlet("", "/mcp"))).isFalse();
		assertThat(this.predicate.test("http.server.requests", servlet("", "/books"))).isTrue();
		assertThat(this.predicate.test("http.server.requests", servlet("/mcp", "/mcp/other"))).isTrue();
	}

	@Test
	void keepsOtherObservations() {
		assertThat(this.predicate.test("mcp.server.operation", new Observation.Context())).isTrue();
	}

	private static Observation.Context reactive(String path) {
		return new org.springframework.http.server.reactive.observation.ServerRequestObservationContext(
				MockServerHttpRequest.post(path).build(), new MockServerHttpResponse(), Map.of());
	}

	private static Observation.Context servlet(String contextPath, String uri) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", uri);
		request.setContextPath(contextPath);
		return new org.springframework.http.server.observation.ServerRequestObservationContext(request,
				new MockHttpServletResponse());
	}

}
