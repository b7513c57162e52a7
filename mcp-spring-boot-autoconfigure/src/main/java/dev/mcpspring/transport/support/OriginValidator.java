package dev.mcpspring.transport.support;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Guards against DNS rebinding: accepts a request only when its {@code Host} and, if
 * present, its {@code Origin} name a loopback address or a configured host or origin.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 * @see <a href=
 * "https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#security-warning">Security
 * warning</a>
 */
public class OriginValidator {

	private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

	private static final String ANY = "*";

	private final List<String> allowedHosts;

	private final List<String> allowedOrigins;

	/**
	 * Create a validator.
	 * @param allowedHosts host names accepted besides loopback ones, {@code *} for any
	 * @param allowedOrigins origins accepted besides loopback ones, such as
	 * {@code https://app.example.com}, {@code *} for any
	 */
	public OriginValidator(List<String> allowedHosts, List<String> allowedOrigins) {
		this.allowedHosts = allowedHosts.stream().map((host) -> host.toLowerCase(Locale.ROOT)).toList();
		this.allowedOrigins = allowedOrigins.stream().map((origin) -> origin.toLowerCase(Locale.ROOT)).toList();
	}

	/**
	 * Whether a request with the given headers may proceed.
	 * @param host the {@code Host} header, or {@code null}
	 * @param origin the {@code Origin} header, or {@code null}
	 * @return {@code true} if allowed
	 */
	public boolean isAllowed(@Nullable String host, @Nullable String origin) {
		return isAllowedHost(host) && (origin == null || isAllowedOrigin(origin));
	}

	private boolean isAllowedHost(@Nullable String host) {
		if (this.allowedHosts.contains(ANY)) {
			return true;
		}
		if (host == null) {
			return false;
		}
		String name = stripPort(host.toLowerCase(Locale.ROOT));
		return LOOPBACK_HOSTS.contains(name) || this.allowedHosts.contains(name);
	}

	private boolean isAllowedOrigin(String origin) {
		String normalized = origin.toLowerCase(Locale.ROOT);
		if (this.allowedOrigins.contains(ANY) || this.allowedOrigins.contains(normalized)) {
			return true;
		}
		try {
			URI uri = URI.create(normalized);
			return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
					&& LOOPBACK_HOSTS.contains(uri.getHost());
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static String stripPort(String host) {
		if (host.startsWith("[")) {
			int end = host.indexOf(']');
			return (end > 0) ? host.substring(0, end + 1) : host;
		}
		int colon = host.indexOf(':');
		return (colon >= 0) ? host.substring(0, colon) : host;
	}

}
