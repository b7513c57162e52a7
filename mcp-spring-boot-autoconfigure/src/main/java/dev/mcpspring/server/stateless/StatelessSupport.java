package dev.mcpspring.server.stateless;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.mcpspring.jsonrpc.JsonRpcError;
import dev.mcpspring.jsonrpc.JsonRpcErrorCodes;
import dev.mcpspring.jsonrpc.JsonRpcException;
import dev.mcpspring.model.Implementation;
import dev.mcpspring.model.LoggingLevel;
import dev.mcpspring.model.ProtocolVersions;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the engine does differently for stateless requests (revision 2026-07-28): required
 * {@code _meta}, {@code server/discover}, the result envelope ({@code resultType},
 * {@code serverInfo}, caching hints) and multi round-trip input.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public final class StatelessSupport {

	/**
	 * {@code _meta} key of the server name and version on results.
	 */
	public static final String SERVER_INFO_META = "io.modelcontextprotocol/serverInfo";

	private static final Set<String> REMOVED_METHODS = Set.of("initialize", "ping", "logging/setLevel",
			"resources/subscribe", "resources/unsubscribe", "notifications/initialized");

	private static final Set<String> LIST_METHODS = Set.of("server/discover", "tools/list", "prompts/list",
			"resources/list", "resources/templates/list");

	private static final Set<String> INPUT_METHODS = Set.of("tools/call", "prompts/get");

	/**
	 * The server name and version, converted once: every result carries them. Shared by
	 * all results and never modified.
	 */
	private final JsonNode serverInfoNode;

	private final JsonMapper jsonMapper;

	private final RequestStateCodec requestStateCodec;

	private final CacheHints cacheHints;

	/**
	 * Writes arguments with sorted property names, so that their digest does not depend
	 * on the order a client sends them in.
	 */
	private final ObjectWriter canonicalWriter;

	public StatelessSupport(Implementation serverInfo, JsonMapper jsonMapper, RequestStateCodec requestStateCodec,
			CacheHints cacheHints) {
		this.serverInfoNode = jsonMapper.valueToTree(serverInfo);
		this.jsonMapper = jsonMapper;
		this.requestStateCodec = requestStateCodec;
		this.cacheHints = cacheHints;
		this.canonicalWriter = jsonMapper.writer().with(JsonNodeFeature.WRITE_PROPERTIES_SORTED);
	}

	/**
	 * Check the {@code _meta} every stateless request must carry, and the version.
	 * @param params the parameters of the request
	 * @throws JsonRpcException with {@code -32602} or {@code -32022}
	 */
	public void validate(@Nullable ObjectNode params) {
		JsonNode meta = (params != null) ? params.get("_meta") : null;
		if (meta == null || !meta.isObject()) {
			throw new JsonRpcException(JsonRpcErrorCodes.INVALID_PARAMS, "Missing params._meta");
		}
		JsonNode version = meta.get(MetaKeys.PROTOCOL_VERSION);
		if (version == null || !version.isString()) {
			throw new JsonRpcException(JsonRpcErrorCodes.INVALID_PARAMS, "Missing _meta " + MetaKeys.PROTOCOL_VERSION);
		}
		if (!(meta.get(MetaKeys.CLIENT_CAPABILITIES) instanceof ObjectNode)) {
			throw new JsonRpcException(JsonRpcErrorCodes.INVALID_PARAMS,
					"Missing _meta " + MetaKeys.CLIENT_CAPABILITIES);
		}
		if (!ProtocolVersions.SUPPORTED_STATELESS.contains(version.asString())) {
			throw unsupportedVersion(version.asString());
		}
		JsonNode logLevel = meta.get(MetaKeys.LOG_LEVEL);
		if (logLevel != null && !(logLevel.isString() && LoggingLevel.fromValue(logLevel.asString()) != null)) {
			throw new JsonRpcException(JsonRpcErrorCodes.INVALID_PARAMS, "Invalid _meta " + MetaKeys.LOG_LEVEL);
		}
	}

	/**
	 * Create the error of an unsupported protocol version.
	 * @param requested the version asked for
	 * @return the exception
	 */
	public static JsonRpcException unsupportedVersion(String requested) {
		return new JsonRpcException(
				new JsonRpcError(JsonRpcErrorCodes.UNSUPPORTED_PROTOCOL_VERSION, "Unsupported protocol version",
						Map.of("supported", ProtocolVersions.ADVERTISED, "requested", requested)),
				null);
	}

	/**
	 * Whether a method was removed from the stateless revision.
	 * @param method the method
	 * @return {@code true} if removed
	 */
	public static boolean isRemoved(String method) {
		return REMOVED_METHODS.contains(method);
	}

	/**
	 * Read the client input a retried request carries: the signed {@code requestState}
	 * and the {@code inputResponses}.
	 * @param method the method
	 * @param params the parameters
	 * @param principal the caller, or {@code null}
	 * @return the input, or {@code null} for methods that take none
	 * @throws JsonRpcException with {@code -32602} for a forged, expired or foreign state
	 */
	public @Nullable InputExchange inputsOf(String method, ObjectNode params, @Nullable Principal principal) {
		if (!INPUT_METHODS.contains(method)) {
			return null;
		}
		ObjectNode responses = this.jsonMapper.createObjectNode();
		JsonNode state = params.get("requestState");
		if (state != null && !state.isNull()) {
			if (!state.isString()) {
				throw new JsonRpcException(JsonRpcErrorCodes.INVALID_PARAMS, "Invalid or expired requestState");
			}
			responses.setAll(this.requestStateCodec.decode(state.asString(), binding(method, params, principal)));
		}
		if (params.get("inputResponses") instanceof ObjectNode inputResponses) {
			responses.setAll(inputResponses);
		}
		return new InputExchange(responses);
	}

	/**
	 * Create the {@code InputRequiredResult} of a request that needs client input.
	 * @param method the method
	 * @param params the parameters
	 * @param principal the caller, or {@code null}
	 * @param inputs the input exchange of the request
	 * @return the result
	 */
	public ObjectNode inputRequired(String method, ObjectNode params, @Nullable Principal principal,
			InputExchange inputs) {
		ObjectNode result = this.jsonMapper.createObjectNode();
		result.put("resultType", "input_required");
		result.set("inputRequests", inputs.pendingRequests());
		result.put("requestState",
				this.requestStateCodec.encode(binding(method, params, principal), inputs.responses()));
		addServerInfo(result);
		return result;
	}

	/**
	 * Create the result of {@code server/discover}.
	 * @param capabilities the server capabilities
	 * @param instructions the instructions, or {@code null}
	 * @return the result, before {@link #envelope}
	 */
	public ObjectNode discover(Object capabilities, @Nullable String instructions) {
		ObjectNode result = this.jsonMapper.createObjectNode();
		result.set("supportedVersions", this.jsonMapper.valueToTree(ProtocolVersions.ADVERTISED));
		result.set("capabilities", this.jsonMapper.valueToTree(capabilities));
		if (instructions != null) {
			result.put("instructions", instructions);
		}
		return result;
	}

	/**
	 * Add what every stateless result carries: {@code resultType},
	 * {@code _meta.serverInfo}, and caching hints on cacheable results.
	 * @param method the method answered
	 * @param result the result
	 * @return the result as a JSON object
	 */
	public ObjectNode envelope(String method, Object result) {
		ObjectNode node = (result instanceof ObjectNode object) ? object : this.jsonMapper.valueToTree(result);
		if (!node.has("resultType")) {
			node.put("resultType", "complete");
		}
		addServerInfo(node);
		if (LIST_METHODS.contains(method)) {
			node.put("ttlMs", this.cacheHints.listTtl().toMillis());
			node.put("cacheScope", this.cacheHints.listScope().value());
		}
		else if ("resources/read".equals(method)) {
			node.put("ttlMs", this.cacheHints.readTtl().toMillis());
			node.put("cacheScope", this.cacheHints.readScope().value());
		}
		return node;
	}

	/**
	 * Create the error of a capability the client did not declare.
	 * @param capability the capability
	 * @return the exception
	 */
	public static JsonRpcException missingCapability(String capability) {
		return new JsonRpcException(new JsonRpcError(JsonRpcErrorCodes.MISSING_REQUIRED_CLIENT_CAPABILITY,
				"Missing required client capability", Map.of("requiredCapabilities", Map.of(capability, Map.of()))),
				null);
	}

	private void addServerInfo(ObjectNode result) {
		JsonNode meta = result.get("_meta");
		ObjectNode metaObject = (meta instanceof ObjectNode object) ? object : result.putObject("_meta");
		metaObject.set(SERVER_INFO_META, this.serverInfoNode);
	}

	/**
	 * Describe what a {@code requestState} is valid for: the method, the feature name,
	 * the principal and a digest of the arguments, so that a state minted for one call
	 * cannot complete another.
	 */
	private String binding(String method, ObjectNode params, @Nullable Principal principal) {
		JsonNode name = params.get("name");
		String caller = (principal != null) ? principal.getName() : "";
		return method + "\n" + ((name != null) ? name.asString("") : "") + "\n" + caller + "\n"
				+ digest(params.get("arguments"));
	}

	private String digest(@Nullable JsonNode arguments) {
		if (arguments == null || arguments.isNull()) {
			return "";
		}
		try {
			byte[] canonical = this.canonicalWriter.writeValueAsBytes(arguments);
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(MessageDigest.getInstance("SHA-256").digest(canonical));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
