package dev.mcpspring.sample;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped Kubernetes manifests parse, and describe what docs/deployment.md promises:
 * three replicas on Redis without sticky sessions, reachable through a Service and an
 * Ingress, probed on the Actuator health groups. No cluster runs here; this checks the
 * files (issue 12).
 *
 * @author MCP Spring Boot team
 */
class KubernetesManifestsTests {

	private static final Path MANIFESTS = Path.of("..", "deploy", "kubernetes");

	@Test
	void everyManifestParses() throws IOException {
		List<Map<String, Object>> documents = documents();
		assertThat(documents).isNotEmpty()
			.allSatisfy((document) -> assertThat(document).containsKeys("apiVersion", "kind", "metadata"));
		assertThat(documents).extracting((document) -> document.get("kind") + "/" + name(document))
			.contains("Deployment/mcp-server", "Service/mcp-server", "Ingress/mcp-server", "Deployment/mcp-redis",
					"Service/mcp-redis");
	}

	@Test
	void serverRunsThreeReplicasOnRedisWithoutAffinity() throws IOException {
		Map<String, Object> spec = map(find("Deployment", "mcp-server"), "spec");
		assertThat(spec.get("replicas")).isEqualTo(3);
		Map<String, Object> container = serverContainer();
		Map<String, Object> env = new HashMap<>();
		for (Object variable : list(container, "env")) {
			Map<?, ?> entry = (Map<?, ?>) variable;
			env.put((String) entry.get("name"), entry.get("value"));
		}
		assertThat(env).containsEntry("MCP_SERVER_SESSION_STORE", "redis")
			.containsEntry("SPRING_DATA_REDIS_HOST", "mcp-redis")
			.containsEntry("SERVER_SHUTDOWN", "graceful")
			.doesNotContainKey("SERVER_ADDRESS")
			.doesNotContainKey("MCP_SERVER_TRANSPORT_ALLOWED_HOSTS");
		assertThat(env.get("MCP_SERVER_STATELESS_REQUESTSTATEKEYS_K1")).as("request-state key shared by every replica")
			.isNull();
		assertThat(list(container, "env").toString()).contains("secretKeyRef={name=mcp-request-state, key=k1}");
		assertThat(map(find("Service", "mcp-server"), "spec")).doesNotContainKey("sessionAffinity");
		assertThat(map(find("Service", "mcp-redis"), "spec").get("ports").toString()).contains("port=6379");
		assertThat(map(find("Ingress", "mcp-server"), "metadata").toString()).doesNotContain("affinity");
	}

	@Test
	void probesUseTheActuatorHealthGroups() throws IOException {
		Map<String, Object> container = serverContainer();
		assertThat(map(map(container, "readinessProbe"), "httpGet")).containsEntry("path",
				"/actuator/health/readiness");
		assertThat(map(map(container, "livenessProbe"), "httpGet")).containsEntry("path", "/actuator/health/liveness");
		assertThat(map(map(container, "startupProbe"), "httpGet")).containsEntry("path", "/actuator/health/liveness");
	}

	@Test
	void ingressRoutesTheMcpPathToTheService() throws IOException {
		String rules = map(find("Ingress", "mcp-server"), "spec").get("rules").toString();
		assertThat(rules).contains("path=/mcp").contains("name=mcp-server");
	}

	private static Map<String, Object> serverContainer() throws IOException {
		Map<String, Object> podSpec = map(map(map(find("Deployment", "mcp-server"), "spec"), "template"), "spec");
		return cast(list(podSpec, "containers").get(0));
	}

	private static Map<String, Object> find(String kind, String name) throws IOException {
		return documents().stream()
			.filter((document) -> kind.equals(document.get("kind")) && name.equals(name(document)))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No " + kind + " " + name + " in " + MANIFESTS));
	}

	private static String name(Map<String, Object> document) {
		return (String) map(document, "metadata").get("name");
	}

	private static List<Map<String, Object>> documents() throws IOException {
		List<Map<String, Object>> documents = new ArrayList<>();
		try (Stream<Path> files = Files.list(MANIFESTS)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".yaml")).sorted().toList()) {
				try (Reader reader = Files.newBufferedReader(file)) {
					for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)) {
						if (document != null) {
							documents.add(cast(document));
						}
					}
				}
			}
		}
		return documents;
	}

	private static Map<String, Object> map(Map<String, Object> parent, String key) {
		Object value = parent.get(key);
		assertThat(value).as(key).isInstanceOf(Map.class);
		return cast(value);
	}

	private static List<Object> list(Map<String, Object> parent, String key) {
		Object value = parent.get(key);
		assertThat(value).as(key).isInstanceOf(List.class);
		@SuppressWarnings("unchecked")
		List<Object> list = (List<Object>) value;
		return list;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> cast(Object value) {
		return (Map<String, Object>) value;
	}

}
