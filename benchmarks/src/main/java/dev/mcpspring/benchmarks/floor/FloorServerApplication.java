package dev.mcpspring.benchmarks.floor;

import java.util.Map;

import dev.mcpspring.benchmarks.tools.BenchmarkTools;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import reactor.core.publisher.Mono;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The floor of the load test: a WebFlux endpoint at {@code POST /mcp} that parses the
 * JSON-RPC request with Jackson and answers the {@code tools/call} result an MCP server
 * would give for {@code echo}, {@code add} or {@code text10k}, with no protocol logic at
 * all. MCP auto-configuration is switched off.
 * <p>
 * A request with {@code MCP-Protocol-Version: 2026-07-28} gets the result of that
 * revision, byte for byte what our server sends: {@code resultType} and the server's
 * identity in {@code _meta} (which servers should send on every response), so that the
 * stateless scenario is compared with a floor writing the same bytes.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@SpringBootApplication
public class FloorServerApplication {

	private static final String STATELESS_REVISION = "2026-07-28";

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(FloorServerApplication.class);
		application.setDefaultProperties(Map.of("mcp.server.enabled", "false"));
		application.run(args);
	}

	@Bean
	RouterFunction<ServerResponse> floorRoute(JsonMapper jsonMapper) {
		String text = new BenchmarkTools().text10k();
		return RouterFunctions.route().POST("/mcp", (request) -> {
			boolean stateless = STATELESS_REVISION.equals(request.headers().firstHeader("MCP-Protocol-Version"));
			return request.bodyToMono(byte[].class).flatMap((body) -> respond(jsonMapper, body, text, stateless));
		}).build();
	}

	private static Mono<ServerResponse> respond(JsonMapper jsonMapper, byte[] body, String text, boolean stateless) {
		JsonNode call = jsonMapper.readTree(body);
		JsonNode params = call.path("params");
		JsonNode arguments = params.path("arguments");
		String result = switch (params.path("name").asString("")) {
			case "echo" -> arguments.path("message").asString("");
			case "add" -> Integer.toString(arguments.path("a").asInt() + arguments.path("b").asInt());
			default -> text;
		};
		ObjectNode response = jsonMapper.createObjectNode();
		response.put("jsonrpc", "2.0");
		response.set("id", call.get("id"));
		ObjectNode callResult = response.putObject("result");
		callResult.putArray("content").addObject().put("type", "text").put("text", result);
		if (stateless) {
			callResult.put("resultType", "complete");
			callResult.putObject("_meta")
				.putObject("io.modelcontextprotocol/serverInfo")
				.put("name", "mcp-server")
				.put("version", "1.0.0");
		}
		else {
			callResult.put("isError", false);
		}
		return ServerResponse.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(jsonMapper.writeValueAsBytes(response));
	}

}
