package dev.mcpspring.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * Documented observations of the MCP server. Names follow the OpenTelemetry semantic
 * conventions for MCP; the timer of {@link #SERVER_OPERATION} is the Micrometer
 * counterpart of the OpenTelemetry metric {@code mcp.server.operation.duration}.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 * @see <a href= "https://opentelemetry.io/docs/specs/semconv/gen-ai/mcp/">Semantic
 * conventions for MCP</a>
 */
public enum McpObservationDocumentation implements ObservationDocumentation {

	/**
	 * A request served by the MCP server, from the moment the engine receives it until
	 * its response is ready.
	 */
	SERVER_OPERATION {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultMcpServerObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HighCardinalityKeyNames.values();
		}

	};

	/**
	 * Keys with a bounded set of values, added to metrics and spans. Every key is always
	 * present, with a placeholder value where it does not apply, so that all timers of
	 * the observation share one set of tags.
	 */
	public enum LowCardinalityKeyNames implements KeyName {

		/**
		 * JSON-RPC method of the request, such as {@code tools/call}.
		 */
		METHOD_NAME {
			@Override
			public String asString() {
				return "mcp.method.name";
			}
		},

		/**
		 * Name of the called tool for {@code tools/call}: {@code unknown} when no enabled
		 * tool has that name, {@code none} for other methods.
		 */
		TOOL_NAME {
			@Override
			public String asString() {
				return "gen_ai.tool.name";
			}
		},

		/**
		 * Name of the rendered prompt for {@code prompts/get}: {@code unknown} when no
		 * enabled prompt has that name, {@code none} for other methods.
		 */
		PROMPT_NAME {
			@Override
			public String asString() {
				return "gen_ai.prompt.name";
			}
		},

		/**
		 * How the request failed: the JSON-RPC error code of an error response (such as
		 * {@code -32602}), {@code tool_error} for a tool result with {@code isError}, the
		 * exception class for an unresolved failure, {@code cancelled} when the client
		 * cancelled, {@code none} on success.
		 */
		ERROR_TYPE {
			@Override
			public String asString() {
				return "error.type";
			}
		},

		/**
		 * Protocol revision the request was served under, such as {@code 2025-11-25}.
		 */
		PROTOCOL_VERSION {
			@Override
			public String asString() {
				return "mcp.protocol.version";
			}
		}

	}

	/**
	 * Keys with unbounded values, added to spans only.
	 */
	public enum HighCardinalityKeyNames implements KeyName {

		/**
		 * Id of the session, when the request belongs to one or created one.
		 */
		SESSION_ID {
			@Override
			public String asString() {
				return "mcp.session.id";
			}
		},

		/**
		 * Id of the JSON-RPC request.
		 */
		REQUEST_ID {
			@Override
			public String asString() {
				return "jsonrpc.request.id";
			}
		},

		/**
		 * URI of the resource, for {@code resources/read}, {@code resources/subscribe}
		 * and {@code resources/unsubscribe}.
		 */
		RESOURCE_URI {
			@Override
			public String asString() {
				return "mcp.resource.uri";
			}
		}

	}

}
