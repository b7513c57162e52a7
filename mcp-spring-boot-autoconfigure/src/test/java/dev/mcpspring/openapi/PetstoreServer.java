package dev.mcpspring.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A tiny Petstore on the JDK's HTTP server at 127.0.0.1: serves the real Petstore 3
 * document at {@code /openapi.yaml}, implements a few of its operations under
 * {@code /api/v3}, answers the same under {@code /slow/api/v3} after two seconds, and
 * records the headers of every request.
 */
final class PetstoreServer implements AutoCloseable {

	private static final Pattern PET = Pattern.compile("/pet/(\\d+)");

	private static final Pattern USER = Pattern.compile("/user/([^/]+)");

	private final JsonMapper json = JsonMapper.builder().build();

	private final Map<Long, ObjectNode> pets = new ConcurrentHashMap<>();

	private final AtomicLong ids = new AtomicLong(100);

	private final Queue<Request> requests = new ConcurrentLinkedQueue<>();

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	record Request(String method, String uri, Map<String, List<String>> headers, String body) {

		String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
				.map((entry) -> entry.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

	}

	PetstoreServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", this::handle);
		this.server.setExecutor(this.executor);
		this.server.start();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	List<Request> requests() {
		return List.copyOf(this.requests);
	}

	void addPet(long id, String name, String status) {
		ObjectNode pet = this.json.createObjectNode().put("id", id).put("name", name).put("status", status);
		pet.putArray("photoUrls").add("https://example.test/" + name + ".png");
		this.pets.put(id, pet);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			String method = exchange.getRequestMethod();
			String path = exchange.getRequestURI().getPath();
			this.requests.add(new Request(method, exchange.getRequestURI().toString(),
					Map.copyOf(exchange.getRequestHeaders()), body));
			if (path.equals("/openapi.yaml")) {
				try (InputStream document = getClass().getResourceAsStream("/openapi/petstore.yaml")) {
					send(exchange, 200, "application/yaml",
							new String(document.readAllBytes(), StandardCharsets.UTF_8));
				}
				return;
			}
			if (path.startsWith("/slow/")) {
				sleep();
				path = path.substring("/slow".length());
			}
			if (!path.startsWith("/api/v3/")) {
				send(exchange, 404, "text/plain", "no such path");
				return;
			}
			route(exchange, method, path.substring("/api/v3".length()), body);
		}
	}

	private void route(HttpExchange exchange, String method, String path, String body) throws IOException {
		Matcher pet = PET.matcher(path);
		Matcher user = USER.matcher(path);
		if (method.equals("POST") && path.equals("/pet")) {
			ObjectNode created = (ObjectNode) this.json.readTree(body);
			long id = created.path("id").asLong(this.ids.incrementAndGet());
			created.put("id", id);
			this.pets.put(id, created);
			sendJson(exchange, 200, created);
		}
		else if (method.equals("GET") && path.equals("/pet/findByStatus")) {
			String status = query(exchange).getOrDefault("status", "available");
			sendJson(exchange, 200, this.json.valueToTree(
					this.pets.values().stream().filter((p) -> p.path("status").asString().equals(status)).toList()));
		}
		else if (method.equals("GET") && path.equals("/pet/findByTags")) {
			send(exchange, 200, "application/json", "[\"" + "x".repeat(300_000) + "\"]");
		}
		else if (method.equals("GET") && path.equals("/store/inventory")) {
			ObjectNode inventory = this.json.createObjectNode();
			this.pets.values()
				.forEach((p) -> inventory.put(p.path("status").asString(),
						inventory.path(p.path("status").asString()).asInt(0) + 1));
			sendJson(exchange, 200, inventory);
		}
		else if (method.equals("GET") && path.equals("/user/login")) {
			Map<String, String> query = query(exchange);
			sendJson(exchange, 200, this.json.valueToTree("logged in user session: " + query.get("username")));
		}
		else if (pet.matches() && method.equals("GET")) {
			ObjectNode found = this.pets.get(Long.parseLong(pet.group(1)));
			if (found == null) {
				send(exchange, 404, "application/json", "{\"code\":404,\"message\":\"Pet not found\"}");
			}
			else {
				sendJson(exchange, 200, found);
			}
		}
		else if (pet.matches() && method.equals("DELETE")) {
			boolean removed = this.pets.remove(Long.parseLong(pet.group(1))) != null;
			send(exchange, removed ? 200 : 404, "text/plain", removed ? "" : "Pet not found");
		}
		else if (user.matches() && method.equals("GET")) {
			send(exchange, 500, "text/plain", "x".repeat(2_000));
		}
		else {
			send(exchange, 405, "text/plain", "not implemented by the test server");
		}
	}

	private Map<String, String> query(HttpExchange exchange) {
		String raw = exchange.getRequestURI().getRawQuery();
		Map<String, String> query = new ConcurrentHashMap<>();
		if (raw != null) {
			for (String pair : raw.split("&")) {
				String[] parts = pair.split("=", 2);
				query.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
						URLDecoder.decode((parts.length > 1) ? parts[1] : "", StandardCharsets.UTF_8));
			}
		}
		return query;
	}

	private void sendJson(HttpExchange exchange, int status, JsonNode body) throws IOException {
		send(exchange, status, "application/json", this.json.writeValueAsString(body));
	}

	private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(status, (bytes.length == 0) ? -1 : bytes.length);
		if (bytes.length > 0) {
			exchange.getResponseBody().write(bytes);
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(2_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

}
