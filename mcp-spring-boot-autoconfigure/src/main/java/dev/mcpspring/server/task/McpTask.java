package dev.mcpspring.server.task;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import dev.mcpspring.server.McpRequest;
import dev.mcpspring.server.McpStatelessExtension;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A task of the tasks extension: a {@code tools/call} that runs in the background, and
 * its state as {@code tasks/get} reports it. Bound to the principal that created it.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 * @see <a href="https://modelcontextprotocol.io/seps/2663-tasks-extension">SEP-2663: Tasks
 * extension</a>
 */
public final class McpTask {

	private final String id;

	private final String owner;

	private final Instant createdAt;

	private final Duration ttl;

	private final Duration pollInterval;

	private final McpRequest request;

	private final ObjectNode responses = JsonNodeFactory.instance.objectNode();

	private Status status = Status.WORKING;

	private Instant lastUpdatedAt;

	private @Nullable ObjectNode result;

	private @Nullable ObjectNode error;

	private ObjectNode inputRequests = JsonNodeFactory.instance.objectNode();

	private final McpStatelessExtension.ToolCaller toolCaller;

	private @Nullable Disposable run;

	McpTask(String id, String owner, Instant createdAt, Duration ttl, Duration pollInterval, McpRequest request,
			ObjectNode responses, McpStatelessExtension.ToolCaller toolCaller) {
		this.toolCaller = toolCaller;
		this.id = id;
		this.owner = owner;
		this.createdAt = createdAt;
		this.lastUpdatedAt = createdAt;
		this.ttl = ttl;
		this.pollInterval = pollInterval;
		this.request = request;
		this.responses.setAll(responses);
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

	public synchronized Status getStatus() {
		return this.status;
	}

	/**
	 * Whether the task's time to live has elapsed.
	 * @param now the current time
	 * @return {@code true} if the task may be discarded
	 */
	public boolean isExpired(Instant now) {
		return now.isAfter(this.createdAt.plus(this.ttl));
	}

	McpRequest request() {
		return this.request;
	}

	McpStatelessExtension.ToolCaller toolCaller() {
		return this.toolCaller;
	}

	synchronized ObjectNode responses() {
		return this.responses.deepCopy();
	}

	synchronized void started(Disposable run) {
		this.run = run;
	}

	synchronized void complete(ObjectNode result, Instant now) {
		if (!this.status.isTerminal()) {
			this.result = result;
			update(Status.COMPLETED, now);
		}
	}

	synchronized void fail(ObjectNode error, Instant now) {
		if (!this.status.isTerminal()) {
			this.error = error;
			update(Status.FAILED, now);
		}
	}

	synchronized void inputRequired(ObjectNode inputRequests, Instant now) {
		if (!this.status.isTerminal()) {
			this.inputRequests = inputRequests;
			update(Status.INPUT_REQUIRED, now);
		}
	}

	/**
	 * Record responses to outstanding input requests, ignoring other keys.
	 * @param inputResponses the responses by key
	 * @param now the current time
	 * @return {@code true} if every outstanding request is now answered and the task
	 * should run again
	 */
	synchronized boolean answer(ObjectNode inputResponses, Instant now) {
		if (this.status != Status.INPUT_REQUIRED) {
			return false;
		}
		inputResponses.properties().forEach((entry) -> {
			if (this.inputRequests.has(entry.getKey())) {
				this.responses.set(entry.getKey(), entry.getValue());
				this.inputRequests.remove(entry.getKey());
			}
		});
		this.lastUpdatedAt = now;
		if (!this.inputRequests.isEmpty()) {
			return false;
		}
		update(Status.WORKING, now);
		return true;
	}

	synchronized void cancel(Instant now) {
		if (this.run != null) {
			this.run.dispose();
		}
		if (!this.status.isTerminal()) {
			update(Status.CANCELLED, now);
		}
	}

	private void update(Status status, Instant now) {
		this.status = status;
		this.lastUpdatedAt = now;
		if (status != Status.INPUT_REQUIRED) {
			this.inputRequests = JsonNodeFactory.instance.objectNode();
		}
	}

	/**
	 * Describe the task for the wire: the {@code Task} members, plus the
	 * status-specific {@code result}, {@code error} or {@code inputRequests} when
	 * detailed.
	 * @param detailed whether to add the status-specific members ({@code tasks/get})
	 * @return the task as a JSON object
	 */
	public synchronized ObjectNode toJson(boolean detailed) {
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
