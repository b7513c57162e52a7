package dev.mcpspring.model;

import java.util.List;

/**
 * The MCP protocol revisions this server speaks over stateful sessions.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public final class ProtocolVersions {

	/**
	 * The first revision, with the HTTP+SSE transport.
	 */
	public static final String V2024_11_05 = "2024-11-05";

	/**
	 * The revision that introduced Streamable HTTP.
	 */
	public static final String V2025_03_26 = "2025-03-26";

	/**
	 * The revision that introduced elicitation and structured tool output.
	 */
	public static final String V2025_06_18 = "2025-06-18";

	/**
	 * The revision that introduced URL elicitation and tasks.
	 */
	public static final String V2025_11_25 = "2025-11-25";

	/**
	 * The newest supported revision, offered when a client asks for an unknown one.
	 */
	public static final String LATEST = V2025_11_25;

	/**
	 * The revision assumed when a request carries no {@code MCP-Protocol-Version} header.
	 */
	public static final String DEFAULT_WITHOUT_HEADER = V2025_03_26;

	/**
	 * Every supported revision, oldest first.
	 */
	public static final List<String> SUPPORTED = List.of(V2024_11_05, V2025_03_26, V2025_06_18, LATEST);

	/**
	 * The stateless revision, served per request without sessions.
	 */
	public static final String STATELESS = "2026-07-28";

	/**
	 * Every stateless revision.
	 */
	public static final List<String> SUPPORTED_STATELESS = List.of(STATELESS);

	/**
	 * The revisions advertised by {@code server/discover} and in unsupported-version
	 * errors, newest first: the server is dual-era, serving the stateless revision per
	 * request and the session revisions through {@code initialize}.
	 */
	public static final List<String> ADVERTISED = List.of(STATELESS, LATEST, V2025_06_18, V2025_03_26);

	private ProtocolVersions() {
	}

	/**
	 * Whether the given revision is supported.
	 * @param version the revision date
	 * @return {@code true} if supported
	 */
	public static boolean isSupported(String version) {
		return SUPPORTED.contains(version);
	}

	/**
	 * Pick the revision to use for a client's requested one.
	 * @param requested the revision the client asked for
	 * @return the requested revision if supported, else {@link #LATEST}
	 */
	public static String negotiate(String requested) {
		return isSupported(requested) ? requested : LATEST;
	}

	/**
	 * Whether a revision is served without sessions: 2026-07-28 and later, and any
	 * version that is not one of the dated session-era revisions.
	 * @param version the revision
	 * @return {@code true} if stateless
	 */
	public static boolean isStateless(String version) {
		return !SUPPORTED.contains(version);
	}

}
