package dev.mcpspring.server.stateless;

/**
 * The {@code _meta} keys by which a request of a stateless revision carries what a
 * session would otherwise remember.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public final class MetaKeys {

	/**
	 * The protocol revision of the request.
	 */
	public static final String PROTOCOL_VERSION = "io.modelcontextprotocol/protocolVersion";

	/**
	 * The capabilities of the client.
	 */
	public static final String CLIENT_CAPABILITIES = "io.modelcontextprotocol/clientCapabilities";

	/**
	 * The name and version of the client.
	 */
	public static final String CLIENT_INFO = "io.modelcontextprotocol/clientInfo";

	/**
	 * The lowest level of log messages the client wants for this request.
	 */
	public static final String LOG_LEVEL = "io.modelcontextprotocol/logLevel";

	private MetaKeys() {
	}

}
