package dev.mcpspring.transport.support;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * The strict reading of request headers that every MCP HTTP endpoint applies before any
 * other check, whatever the web stack.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public final class HttpRequestRules {

	/**
	 * Headers a request may carry once only: a proxy and this server might otherwise act
	 * on different copies (the Origin check on one, routing on the other).
	 */
	private static final List<String> SINGLE_VALUED = List.of(HttpHeaders.HOST, HttpHeaders.ORIGIN,
			HttpHeaders.CONTENT_TYPE, HttpHeaders.AUTHORIZATION, McpHttpHeaders.MCP_SESSION_ID,
			McpHttpHeaders.MCP_PROTOCOL_VERSION, StandardHeaderValidator.MCP_METHOD, StandardHeaderValidator.MCP_NAME,
			"Last-Event-ID");

	private static final String MCP_PARAM_PREFIX = StandardHeaderValidator.MCP_PARAM_PREFIX.toLowerCase(Locale.ROOT);

	private HttpRequestRules() {
	}

	/**
	 * Return a header that appears more than once but must not.
	 * @param headers the request headers
	 * @return the header name, or {@code null} when every such header is single
	 */
	public static @Nullable String findDuplicate(HttpHeaders headers) {
		for (String name : SINGLE_VALUED) {
			List<String> values = headers.get(name);
			if (values != null && values.size() > 1) {
				return name;
			}
		}
		for (String name : headers.headerNames()) {
			if (name.toLowerCase(Locale.ROOT).startsWith(MCP_PARAM_PREFIX) && headers.get(name).size() > 1) {
				return name;
			}
		}
		return null;
	}

	/**
	 * Whether a {@code Content-Type} announces JSON in UTF-8, the only encoding MCP uses:
	 * {@code application/json} with no charset or {@code charset=utf-8}.
	 * @param contentType the header value, or {@code null}
	 * @return {@code true} if the body may be read as MCP JSON
	 */
	public static boolean isUtf8Json(@Nullable String contentType) {
		MediaType mediaType = parse(contentType);
		if (mediaType == null || !"application".equals(mediaType.getType()) || !"json".equals(mediaType.getSubtype())) {
			return false;
		}
		try {
			return mediaType.getCharset() == null || StandardCharsets.UTF_8.equals(mediaType.getCharset());
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/**
	 * Parse the media types of an {@code Accept} header, leniently: an unreadable header
	 * accepts nothing rather than failing the request.
	 * @param accept the header value, or {@code null}
	 * @return the media types, empty when absent or unreadable
	 */
	public static List<MediaType> parseAccept(@Nullable String accept) {
		if (accept == null) {
			return List.of();
		}
		try {
			return MediaType.parseMediaTypes(accept);
		}
		catch (InvalidMediaTypeException ex) {
			return List.of();
		}
	}

	/**
	 * Return the authority of an absolute-form request target
	 * ({@code POST http://host/mcp HTTP/1.1}), which takes the place of the {@code Host}
	 * header (RFC 9112, section 3.2.2).
	 * @param requestTarget the request target as received
	 * @return the authority, or {@code null} for origin-form targets
	 */
	public static @Nullable String absoluteFormAuthority(String requestTarget) {
		int scheme = requestTarget.indexOf("://");
		if (scheme <= 0 || requestTarget.startsWith("/")) {
			return null;
		}
		int start = scheme + 3;
		int end = start;
		while (end < requestTarget.length() && "/?#".indexOf(requestTarget.charAt(end)) < 0) {
			end++;
		}
		String authority = requestTarget.substring(start, end);
		int userInfo = authority.lastIndexOf('@');
		return (userInfo >= 0) ? authority.substring(userInfo + 1) : authority;
	}

	private static @Nullable MediaType parse(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return MediaType.parseMediaType(value);
		}
		catch (InvalidMediaTypeException ex) {
			return null;
		}
	}

}
