package dev.mcpspring.transport.support;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Guards against DNS rebinding and cross-site calls: accepts a request only when its
 * {@code Origin}, if present, names a loopback or configured origin and, when the Host
 * check is on, its {@code Host} names a loopback address or a configured host.
 * <p>
 * The Host check defends a server that listens on a loopback address against a page whose
 * DNS name was rebound to 127.0.0.1. A server bound to every interface behind a load
 * balancer is reached under names it cannot know in advance, so the check can be turned
 * off for it; the Origin check always stays on.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 * @see <a href=
 * "https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#security-warning">Security
 * warning</a>
 */
public class OriginValidator {

	private static final Log logger = LogFactory.getLog(OriginValidator.class);

	private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

	private static final String ANY = "*";

	private final List<String> allowedHosts;

	private final List<String> allowedOrigins;

	private final boolean checkHost;

	private final AtomicBoolean hostWarned = new AtomicBoolean();

	private final AtomicBoolean originWarned = new AtomicBoolean();

	/**
	 * Create a validator.
	 * @param allowedHosts host names accepted besides loopback ones, {@code *} for any
	 * @param allowedOrigins origins accepted besides loopback ones, such as
	 * {@code https://app.example.com}, {@code *} for any
	 */
	public OriginValidator(List<String> allowedHosts, List<String> allowedOrigins) {
		this(allowedHosts, allowedOrigins, true);
	}

	/**
	 * Create a validator whose Host check may be off.
	 * @param allowedHosts host names accepted besides loopback ones, {@code *} for any
	 * @param allowedOrigins origins accepted besides loopback ones, such as
	 * {@code https://app.example.com}, {@code *} for any
	 * @param checkHost whether the {@code Host} header is checked at all; the
	 * {@code Origin} header always is
	 */
	public OriginValidator(List<String> allowedHosts, List<String> allowedOrigins, boolean checkHost) {
		this.allowedHosts = allowedHosts.stream().map((host) -> host.toLowerCase(Locale.ROOT)).toList();
		this.allowedOrigins = allowedOrigins.stream().map((origin) -> origin.toLowerCase(Locale.ROOT)).toList();
		this.checkHost = checkHost;
	}

	/**
	 * Whether the {@code Host} header is checked.
	 * @return {@code true} if a request for a host that is neither loopback nor
	 * configured is refused
	 */
	public boolean isCheckingHost() {
		return this.checkHost;
	}

	/**
	 * Whether a request with the given headers may proceed.
	 * @param host the {@code Host} header, or {@code null}
	 * @param origin the {@code Origin} header, or {@code null}
	 * @return {@code true} if allowed
	 */
	public boolean isAllowed(@Nullable String host, @Nullable String origin) {
		return check(host, origin) == Verdict.ALLOWED;
	}

	/**
	 * Check a request's host and origin, saying which one is at fault. The first
	 * rejection of each kind is logged at WARN with the offending value, so that a
	 * deployment whose host or origin is not configured shows why in its log, without
	 * flooding it.
	 * @param host the {@code Host} header (or the authority of an absolute-form target),
	 * or {@code null}
	 * @param origin the {@code Origin} header, or {@code null}
	 * @return the verdict
	 */
	public Verdict check(@Nullable String host, @Nullable String origin) {
		if (!isAllowedHost(host)) {
			warnOnce(this.hostWarned, "Refused a request for host '" + host
					+ "': add it to mcp.server.transport.allowed-hosts if the server is reached under that name");
			return Verdict.FORBIDDEN_HOST;
		}
		if (origin != null && !isAllowedOrigin(origin)) {
			warnOnce(this.originWarned, "Refused a request from origin '" + origin
					+ "': add it to mcp.server.transport.allowed-origins if browsers on that origin may call the server");
			return Verdict.FORBIDDEN_ORIGIN;
		}
		return Verdict.ALLOWED;
	}

	private static void warnOnce(AtomicBoolean warned, String message) {
		if (warned.compareAndSet(false, true)) {
			logger.warn(message + " (logged once; later rejections at DEBUG)");
		}
		else if (logger.isDebugEnabled()) {
			logger.debug(message);
		}
	}

	private boolean isAllowedHost(@Nullable String host) {
		if (!this.checkHost || this.allowedHosts.contains(ANY)) {
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

	/**
	 * Drop the port of a {@code Host} header. Anything after the host but a colon and
	 * digits (such as {@code localhost:evil.com} or {@code [::1]evil.com}) keeps the
	 * whole value, which then matches no allowed host.
	 */
	private static String stripPort(String host) {
		int end = host.startsWith("[") ? host.indexOf(']') + 1 : host.indexOf(':');
		if (end <= 0 || end == host.length()) {
			return host;
		}
		boolean numericPort = host.charAt(end) == ':'
				&& host.substring(end + 1).chars().allMatch((c) -> c >= '0' && c <= '9');
		return numericPort ? host.substring(0, end) : host;
	}

	/**
	 * The outcome of a check.
	 */
	public enum Verdict {

		/**
		 * Host and origin are allowed.
		 */
		ALLOWED,

		/**
		 * The Host check is on and the host is neither loopback nor configured.
		 */
		FORBIDDEN_HOST,

		/**
		 * The origin is neither loopback nor configured.
		 */
		FORBIDDEN_ORIGIN

	}

}
