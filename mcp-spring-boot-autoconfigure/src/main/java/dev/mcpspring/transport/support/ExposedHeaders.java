package dev.mcpspring.transport.support;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.mcpspring.server.RequestHeaders;

import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedCaseInsensitiveMap;

/**
 * Chooses which HTTP headers of a request reach handlers: all of them but credentials
 * ({@code Authorization}, {@code Proxy-Authorization}, {@code Cookie},
 * {@code Set-Cookie}), unless told to expose those too. The caller's identity reaches
 * handlers as the principal; a tool seldom needs the raw token, and one that echoes or
 * logs it should not be able to.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public final class ExposedHeaders {

	/**
	 * Headers that carry credentials, hidden from handlers by default.
	 */
	public static final Set<String> SENSITIVE = Set.of("authorization", "proxy-authorization", "cookie", "set-cookie");

	private final boolean exposeSensitive;

	/**
	 * Create a choice of headers.
	 * @param exposeSensitive whether credentials reach handlers too
	 */
	public ExposedHeaders(boolean exposeSensitive) {
		this.exposeSensitive = exposeSensitive;
	}

	/**
	 * Return the headers of a request that handlers may read.
	 * @param headers the request headers
	 * @return the exposed headers
	 */
	public RequestHeaders of(HttpHeaders headers) {
		Map<String, List<String>> exposed = new LinkedCaseInsensitiveMap<>();
		for (Map.Entry<String, List<String>> header : headers.headerSet()) {
			if (this.exposeSensitive || !isSensitive(header.getKey())) {
				exposed.put(header.getKey(), header.getValue());
			}
		}
		return RequestHeaders.of(exposed);
	}

	private static boolean isSensitive(String name) {
		return SENSITIVE.contains(name.toLowerCase(Locale.ROOT));
	}

}
