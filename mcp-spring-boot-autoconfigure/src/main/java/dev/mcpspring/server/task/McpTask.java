package dev.mcpspring.server.task;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import dev.mcpspring.jsonrpc.JsonRpcRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A task of the tasks extension: a {@code tools/call} that runs in the background, and
 * its state as {@code tasks/get} reports it. Bound to the principal that created it.
 * <p>
 * Immutable: every change returns a new task, so that a {@link TaskStore} shared by
 * several instances can apply it atomically. The work itself is not part of the task: the
 * instance that runs it keeps it.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 * @see <a href="https://modelcontextprotocol.io/seps/2663-tasks-extension">SEP-2663:
 * Tasks extension</a>
 */
public final class McpTask {

	private final String id;

	private final String owner;

	private final Instant createdAt;

	private final Instant lastUpdatedAt;

	private final Duration ttl;

	private final Duration pollInterval;

	private final JsonRpcRequest request;

	private final String protocolVersion;

	private final Status status;

	private final ObjectNode responses;

	private final @Nullable JsonNode result;

	private final @Nullable JsonNode error;

	private final ObjectNode inputRequests;

	private McpTask(String id, String owner, Instant createdAt, Instant lastUpdatedAt, Duration ttl,
			Duration pollInterval, JsonRpcRequest request, String protocolVersion, Status status, ObjectNode responses,
			@Nullable JsonNode result, @Nullable JsonNode error, ObjectNode inputRequests) {
		this.id = id;
		this.owner = owner;
		this.createdAt = createdAt;
		this.lastUpdatedAt = lastUpdatedAt;
		this.ttl = ttl;
		this.pollInterval = pollInterval;
		this.request = request;
		this.protocolVersion = protocolVersion;
		this.status = status;
		this.responses = responses;
		this.result = result;
		this.error = error;
		this.inputRequests = inputRequests;
	}

	/**
	 * Create a working task.
	 * @param id the task id
	 * @param owner the principal name, empty for an anonymous caller
	 * @param createdAt when the task was created
	 * @param ttl how long the task is kept
	 * @param pollInterval how often clients are asked to poll
	 * @param request the {@code tools/call} request the task runs
	 * @param protocolVersion the protocol revision of the request
	 * @param responses the client input gathered before the task was created
	 * @return the task
	 */
	static McpTask create(String id, String owner, Instant createdAt, Duration ttl, Duration pollInterval,
			JsonRpcRequest request, String protocolVersion, ObjectNode responses) {
		return new McpTask(id, owner, createdAt, createdAt, ttl, pollInterval, request, protocolVersion, Status.WORKING,
				responses.deepCopy(), null, null, JsonNodeFactory.instance.objectNode());
	}

	public String getId() {
		return this.id;
	}

	/**
	 * Return the name of the principal the task belongs to.
	 * @return the principal name, empty for an anonymous caller
	 */
	public String getOwner() {
		return this.owner;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Duration getTtl() {
		return this.ttl;
	}

	public Status getStatus() {
		return this.status;
	}

	/**
	 * Return when the task's time to live ends.
	 * @return the expiry time
	 */
	public Instant getExpiresAt() {
		return this.createdAt.plus(this.ttl);
	}

	/**
	 * Whether the task's time to live has elapsed.
	 * @param now the current time
	 * @return {@code true} if the task may be discarded
	 */
	public boolean isExpired(Instant now) {
		return now.isAfter(getExpiresAt());
	}

	JsonRpcRequest request() {
		return this.request;
	}

	String protocolVersion() {
		return this.protocolVersion;
	}

	ObjectNode responses() {
		return this.responses.deepCopy();
	}

	McpTask complete(JsonNode result, Instant now) {
		return this.status.isTerminal() ? this : with(Status.COMPLETED, now, this.responses, result, null);
	}

	McpTask fail(JsonNode error, Instant now) {
		return this.status.isTerminal() ? this : with(Status.FAILED, now, this.responses, null, error);
	}

	McpTask inputRequired(ObjectNode inputRequests, Instant now) {
		if (this.status.isTerminal()) {
			return this;
		}
		return new McpTask(this.id, this.owner, this.createdAt, now, this.ttl, this.pollInterval, this.request,
				this.protocolVersion, Status.INPUT_REQUIRED, this.responses, null, null, inputRequests.deepCopy());
	}

	/**
	 * Record responses to outstanding input requests, ignoring other keys. Once every
	 * outstanding request is answered the task is working again and should run again.
	 * @param inputResponses the responses by key
	 * @param now the current time
	 * @return the task, unchanged unless it waited for input
	 */
	McpTask answer(ObjectNode inputResponses, Instant now) {
		if (this.status != Status.INPUT_REQUIRED) {
			return this;
		}
		ObjectNode responses = this.responses.deepCopy();
		ObjectNode open = this.inputRequests.deepCopy();
		inputResponses.properties().forEach((entry) -> {
			if (open.has(entry.getKey())) {
				responses.set(entry.getKey(), entry.getValue());
				open.remove(entry.getKey());
			}
		});
		Status status = open.isEmpty() ? Status.WORKING : Status.INPUT_REQUIRED;
		return new McpTask(this.id, this.owner, this.createdAt, now, this.ttl, this.pollInterval, this.request,
				this.protocolVersion, status, responses, null, null, open);
	}

	McpTask cancel(Instant now) {
		return this.status.isTerminal() ? this : with(Status.CANCELLED, now, this.responses, null, null);
	}

	private McpTask with(Status status, Instant now, ObjectNode responses, @Nullable JsonNode result,
			@Nullable JsonNode error) {
		return new McpTask(this.id, this.owner, this.createdAt, now, this.ttl, this.pollInterval, this.request,
				this.protocolVersion, status, responses, result, error, JsonNodeFactory.instance.objectNode());
	}

	/**
	 * Describe the task for the wire: the {@code Task} members, plus the status-specific
	 * {@code result}, {@code error} or {@code inputRequests} when detailed.
	 * @param detailed whether to add the status-specific members ({@code tasks/get})
	 * @return the task as a JSON object
	 */
	public ObjectNode toJson(boolean detailed) {
		ObjectNode node = JsonNodeFactory.instance.objectNode();
		node.put("taskId", this.id);
		node.put("status", this.status.value());
		node.put("createdAt", this.createdAt.truncatedTo(ChronoUnit.MILLIS).toString());
		node.put("lastUpdatedAt", this.lastUpdatedAt.truncatedTo(ChronoUnit.MILLIS).toString());
		node.put("ttlMs", this.ttl.toMillis());
		node.put("pollIntervalMs", this.pollInterval.toMillis());
		if (detailed) {
			switch (this.status) {
				case COMPLETED -> node.set("result", this.result);
				case FAILED -> node.set("error", this.error);
				case INPUT_REQUIRED -> node.set("inputRequests", this.inputRequests.deepCopy());
				default -> {
				}
			}
		}
		return node;
	}

	/**
	 * Write everything a store must keep, for a store outside the JVM.
	 * @return the task as a JSON object that {@link #fromStorage} reads back
	 * @see #fromStorage(JsonNode)
	 */
	public ObjectNode toStorage() {
		ObjectNode node = JsonNodeFactory.instance.objectNode();
		node.put("id", this.id);
		node.put("owner", this.owner);
		node.put("createdAt", this.createdAt.toEpochMilli());
		node.put("lastUpdatedAt", this.lastUpdatedAt.toEpochMilli());
		node.put("ttl", this.ttl.toMillis());
		node.put("pollInterval", this.pollInterval.toMillis());
		ObjectNode request = node.putObject("request");
		request.set("id", this.request.id());
		request.put("method", this.request.method());
		request.set("params", this.request.params());
		node.put("protocolVersion", this.protocolVersion);
		node.put("status", this.status.name());
		node.set("responses", this.responses);
		node.set("result", this.result);
		node.set("error", this.error);
		node.set("inputRequests", this.inputRequests);
		return node;
	}

	/**
	 * Read a task written by {@link #toStorage()}.
	 * @param node the stored task
	 * @return the task
	 */
	public static McpTask fromStorage(JsonNode node) {
		JsonNode request = node.required("request");
		JsonNode params = request.get("params");
		return new McpTask(node.required("id").asString(), node.required("owner").asString(),
				Instant.ofEpochMilli(node.required("createdAt").asLong()),
				Instant.ofEpochMilli(node.required("lastUpdatedAt").asLong()),
				Duration.ofMillis(node.required("ttl").asLong()),
				Duration.ofMillis(node.required("pollInterval").asLong()),
				new JsonRpcRequest(request.required("id"), request.required("method").asString(),
						(params instanceof ObjectNode object) ? object : null),
				node.required("protocolVersion").asString(), Status.valueOf(node.required("status").asString()),
				(ObjectNode) node.required("responses"), presentOrNull(node.get("result")),
				presentOrNull(node.get("error")), (ObjectNode) node.required("inputRequests"));
	}

	private static @Nullable JsonNode presentOrNull(@Nullable JsonNode node) {
		return (node == null || node.isNull()) ? null : node;
	}

	/**
	 * The status of a task.
	 */
	public enum Status {

		/**
		 * The request is being processed.
		 */
		WORKING,

		/**
		 * The task waits for responses to its {@code inputRequests}.
		 */
		INPUT_REQUIRED,

		/**
		 * The request completed, also with a tool error ({@code isError}).
		 */
		COMPLETED,

		/**
		 * The request failed with a JSON-RPC error.
		 */
		FAILED,

		/**
		 * The task was cancelled.
		 */
		CANCELLED;

		/**
		 * Return the wire value, such as {@code input_required}.
		 * @return the value
		 */
		public String value() {
			return name().toLowerCase(Locale.ROOT);
		}

		/**
		 * Whether the status is final.
		 * @return {@code true} for completed, failed and cancelled
		 */
		public boolean isTerminal() {
			return this == COMPLETED || this == FAILED || this == CANCELLED;
		}

	}

}
