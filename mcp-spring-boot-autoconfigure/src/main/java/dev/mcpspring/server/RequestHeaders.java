package dev.mcpspring.server;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.util.LinkedCaseInsensitiveMap;

/**
 * The HTTP headers of the request that carried an MCP message, as far as the transport
 * exposes them to handlers: read-only, names matched ignoring case. Transports without
 * headers, such as stdio, give {@link #EMPTY}. Kept free of web types so that the engine
 * runs without Spring Web.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public final class RequestHeaders {

	/**
	 * No headers.
	 */
	public static final RequestHeaders EMPTY = new RequestHeaders(Map.of());

	private final Map<String, List<String>> headers;

	private RequestHeaders(Map<String, List<String>> headers) {
		this.headers = headers;
	}

	/**
	 * Create headers from a map of names to values.
	 * @param headers the headers; names are matched ignoring case
	 * @return the headers
	 */
	public static RequestHeaders of(Map<String, ? extends List<String>> headers) {
		Assert.notNull(headers, "Headers are required");
		if (headers.isEmpty()) {
			return EMPTY;
		}
		LinkedCaseInsensitiveMap<List<String>> copy = new LinkedCaseInsensitiveMap<>(headers.size());
		headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
		return new RequestHeaders(Collections.unmodifiableMap(copy));
	}

	/**
	 * Return the first value of a header.
	 * @param name the header name, in any case
	 * @return the value, or {@code null} if the header is absent
	 */
	public @Nullable String getFirst(String name) {
		List<String> values = this.headers.get(name);
		return (values != null && !values.isEmpty()) ? values.get(0) : null;
	}

	/**
	 * Return every value of a header.
	 * @param name the header name, in any case
	 * @return the values, empty if the header is absent
	 */
	public List<String> get(String name) {
		return this.headers.getOrDefault(name, List.of());
	}

	/**
	 * Return the names of the headers.
	 * @return the names
	 */
	public Set<String> names() {
		return this.headers.keySet();
	}

	/**
	 * Return the headers as a map.
	 * @return the values by header name, read-only, names matched ignoring case
	 */
	public Map<String, List<String>> asMap() {
		return this.headers;
	}

	@Override
	public String toString() {
		return "RequestHeaders" + this.headers.keySet();
	}

}
