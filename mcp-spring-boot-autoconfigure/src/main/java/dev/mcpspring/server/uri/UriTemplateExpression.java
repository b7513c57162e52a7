package dev.mcpspring.server.uri;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * One {@code {...}} expression of a {@link UriTemplate}: an operator and its variables,
 * able to expand itself (RFC 6570 appendix A) and to describe itself as a regular
 * expression for matching.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
final class UriTemplateExpression {

	private static final Pattern VARIABLE_NAME = Pattern
		.compile("(?:[A-Za-z0-9_]|%\\p{XDigit}{2})(?:\\.?(?:[A-Za-z0-9_]|%\\p{XDigit}{2}))*");

	private static final Pattern PREFIX_LENGTH = Pattern.compile("[1-9][0-9]{0,3}");

	private static final String UNRESERVED = "-._~";

	private static final String SUB_DELIMS = "!$&'()*+,;=";

	private static final String GEN_DELIMS = ":/?#[]@";

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	private final String text;

	private final Operator operator;

	private final List<VarSpec> varSpecs;

	private UriTemplateExpression(String text, Operator operator, List<VarSpec> varSpecs) {
		this.text = text;
		this.operator = operator;
		this.varSpecs = varSpecs;
	}

	/**
	 * Parse the body of an expression, without its braces.
	 * @param body the text between {@code {} and {@code }}
	 * @param template the whole template, for error messages
	 * @return the expression
	 * @throws IllegalArgumentException if the expression is malformed
	 */
	static UriTemplateExpression parse(String body, String template) {
		String text = "{" + body + "}";
		if (body.isEmpty()) {
			throw UriTemplate.invalid(template, "empty expression '{}'");
		}
		Operator operator = Operator.of(body.charAt(0));
		if (operator == null && "=,!@|".indexOf(body.charAt(0)) >= 0) {
			throw UriTemplate.invalid(template,
					"unknown operator '" + body.charAt(0) + "' in expression '" + text + "'");
		}
		String variableList = (operator != null) ? body.substring(1) : body;
		List<VarSpec> varSpecs = new ArrayList<>();
		for (String spec : variableList.split(",", -1)) {
			varSpecs.add(VarSpec.parse(spec, text, template));
		}
		return new UriTemplateExpression(text, (operator != null) ? operator : Operator.SIMPLE, List.copyOf(varSpecs));
	}

	List<String> getVariableNames() {
		return this.varSpecs.stream().map(VarSpec::name).toList();
	}

	/**
	 * Append the expansion of this expression, skipping undefined variables.
	 * @param variables the variable values
	 * @param uri the URI being built
	 */
	void expand(Map<String, ?> variables, StringBuilder uri) {
		boolean first = true;
		for (VarSpec spec : this.varSpecs) {
			@Nullable Object value = variables.get(spec.name());
			if (value == null) {
				continue;
			}
			boolean composite = value instanceof Collection<?> || value instanceof Map<?, ?>;
			List<Member> members = composite ? members(value) : List.of();
			if (composite && members.isEmpty()) {
				continue;
			}
			uri.append(first ? this.operator.first : this.operator.separator);
			first = false;
			if (!composite) {
				appendString(spec, value.toString(), uri);
			}
			else if (spec.explode()) {
				appendExploded(spec, members, uri);
			}
			else {
				appendJoined(spec, members, uri);
			}
		}
	}

	private void appendString(VarSpec spec, String value, StringBuilder uri) {
		if (this.operator.named) {
			uri.append(spec.name()).append(value.isEmpty() ? this.operator.ifEmpty : "=");
		}
		int length = Math.min(spec.prefix(), value.codePointCount(0, value.length()));
		uri.append(encode(value.substring(0, value.offsetByCodePoints(0, length)), this.operator.allowReserved));
	}

	private void appendJoined(VarSpec spec, List<Member> members, StringBuilder uri) {
		if (this.operator.named) {
			uri.append(spec.name()).append('=');
		}
		for (int i = 0; i < members.size(); i++) {
			Member member = members.get(i);
			String key = member.key();
			uri.append((i > 0) ? "," : "");
			if (key != null) {
				uri.append(encode(key, this.operator.allowReserved)).append(',');
			}
			uri.append(encode(member.value(), this.operator.allowReserved));
		}
	}

	private void appendExploded(VarSpec spec, List<Member> members, StringBuilder uri) {
		for (int i = 0; i < members.size(); i++) {
			Member member = members.get(i);
			uri.append((i > 0) ? this.operator.separator : "");
			String key = member.key();
			@Nullable String name = (key != null) ? encode(key, this.operator.allowReserved) : null;
			String value = encode(member.value(), this.operator.allowReserved);
			if (this.operator.named) {
				uri.append((name != null) ? name : spec.name());
				uri.append(value.isEmpty() ? this.operator.ifEmpty : "=").append(value);
			}
			else {
				uri.append((name != null) ? name + "=" : "").append(value);
			}
		}
	}

	/**
	 * Append a regular expression matching any expansion of this expression, with one
	 * capturing group per variable (two for named operators: {@code name=value} and a
	 * bare {@code name}). Values match lazily, and only the last variable of a list may
	 * contain its separator, so that separators split variables.
	 * @param regex the pattern being built
	 * @param groupNames the variable name of each capturing group, in group order
	 */
	void appendPattern(StringBuilder regex, List<String> groupNames) {
		Operator op = this.operator;
		// a query expression is empty or starts with '?', each variable then with '?' or
		// '&'
		regex.append((op == Operator.QUERY) ? "(?:(?=\\?)" : (op == Operator.FRAGMENT) ? "(?:#" : "");
		for (int i = 0; i < this.varSpecs.size(); i++) {
			VarSpec spec = this.varSpecs.get(i);
			String value = valuePattern(spec.explode(), i == this.varSpecs.size() - 1);
			if (op.named) {
				regex.append("(?:").append((op == Operator.QUERY) ? "[?&]" : Pattern.quote(op.separator));
				if (spec.explode()) {
					regex.append("(").append(value).append("+?))?");
					groupNames.add(spec.name());
				}
				else {
					regex.append(Pattern.quote(spec.name())).append("(?:=(").append(value).append("*?)|()))?");
					groupNames.add(spec.name());
					groupNames.add(spec.name());
				}
			}
			else if (i == 0 && (op == Operator.SIMPLE || op == Operator.RESERVED)) {
				regex.append("(").append(value).append("+?)");
				groupNames.add(spec.name());
			}
			else if (i == 0 && op == Operator.FRAGMENT) {
				regex.append("(").append(value).append("*?)");
				groupNames.add(spec.name());
			}
			else {
				String separator = (i == 0) ? op.first : op.separator;
				regex.append("(?:").append(Pattern.quote(separator)).append("(").append(value).append("*?))?");
				groupNames.add(spec.name());
			}
		}
		regex.append((op == Operator.QUERY || op == Operator.FRAGMENT) ? ")?" : "");
	}

	/**
	 * Split the raw (still percent-encoded) value of a variable into the members of the
	 * list it expands: an exploded value at the separator of the operator, without the
	 * {@code name=} of named operators, any other at commas.
	 * @param name the variable name
	 * @param raw the matched value
	 * @return the raw members, empty for an empty value
	 */
	List<String> split(String name, String raw) {
		if (raw.isEmpty()) {
			return List.of();
		}
		VarSpec spec = this.varSpecs.stream()
			.filter((candidate) -> candidate.name().equals(name))
			.findFirst()
			.orElseThrow();
		if (!spec.explode()) {
			return List.of(raw.split(",", -1));
		}
		String separator = (this.operator == Operator.QUERY) ? "&" : this.operator.separator;
		List<String> members = new ArrayList<>();
		for (String member : raw.split(Pattern.quote(separator), -1)) {
			if (this.operator.named && member.equals(name)) {
				members.add("");
			}
			else {
				members.add((this.operator.named && member.startsWith(name + "=")) ? member.substring(name.length() + 1)
						: member);
			}
		}
		return members;
	}

	/**
	 * Return a character class for one character of a value. The separator is allowed in
	 * exploded and last values, so that lists match as their joined value, non-ASCII
	 * characters are allowed as in IRIs, and {@code %} as a single character: a class
	 * keeps the regex engine iterative on long URIs, and {@link UriTemplate} rejects
	 * values with a malformed triplet.
	 */
	private String valuePattern(boolean explode, boolean last) {
		String chars = UNRESERVED + SUB_DELIMS + (this.operator.allowReserved ? GEN_DELIMS : "");
		if (this.operator == Operator.FRAGMENT) {
			chars = chars.replace("#", "");
		}
		if (this.operator.named && !explode) {
			chars = chars.replace(this.operator.separator, "").replace("=", "");
		}
		else if (!this.operator.named && explode && chars.indexOf(this.operator.separator) < 0) {
			chars += this.operator.separator;
		}
		else if (!this.operator.named && !explode && !last) {
			chars = chars.replace(this.operator.separator, "");
		}
		StringBuilder pattern = new StringBuilder("[A-Za-z0-9\\x{A0}-\\x{D7FF}\\x{E000}-\\x{10FFFF}%");
		chars.chars().forEach((c) -> pattern.append('\\').append((char) c));
		return pattern.append("]").toString();
	}

	@Override
	public String toString() {
		return this.text;
	}

	/**
	 * Percent-encode a value as UTF-8, keeping unreserved characters and, if allowed,
	 * reserved characters and existing pct-encoded triplets.
	 * @param value the value to encode
	 * @param allowReserved whether reserved characters and triplets are kept
	 * @return the encoded value
	 */
	static String encode(String value, boolean allowReserved) {
		StringBuilder encoded = new StringBuilder(value.length());
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		for (int i = 0; i < bytes.length; i++) {
			int b = bytes[i] & 0xFF;
			boolean keep = isAsciiAlphanumeric(b) || UNRESERVED.indexOf(b) >= 0;
			if (allowReserved && b < 0x80) {
				keep = keep || SUB_DELIMS.indexOf(b) >= 0 || GEN_DELIMS.indexOf(b) >= 0
						|| (b == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2]));
			}
			if (keep) {
				encoded.append((char) b);
			}
			else {
				encoded.append('%').append(HEX[b >> 4]).append(HEX[b & 0xF]);
			}
		}
		return encoded.toString();
	}

	private static boolean isAsciiAlphanumeric(int c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
	}

	static boolean isHex(int c) {
		return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
	}

	private static List<Member> members(Object value) {
		List<Member> members = new ArrayList<>();
		if (value instanceof Collection<?> collection) {
			for (Object item : collection) {
				if (item != null) {
					members.add(new Member(null, item.toString()));
				}
			}
		}
		else if (value instanceof Map<?, ?> map) {
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				if (entry.getValue() != null) {
					members.add(new Member(String.valueOf(entry.getKey()), entry.getValue().toString()));
				}
			}
		}
		return members;
	}

	/**
	 * An operator of RFC 6570 section 3.2, with its row of the appendix A table.
	 */
	private enum Operator {

		SIMPLE("", ",", false, "", false),

		RESERVED("", ",", false, "", true),

		FRAGMENT("#", ",", false, "", true),

		LABEL(".", ".", false, "", false),

		PATH("/", "/", false, "", false),

		PATH_PARAMETER(";", ";", true, "", false),

		QUERY("?", "&", true, "=", false),

		QUERY_CONTINUATION("&", "&", true, "=", false);

		final String first;

		final String separator;

		final boolean named;

		final String ifEmpty;

		final boolean allowReserved;

		Operator(String first, String separator, boolean named, String ifEmpty, boolean allowReserved) {
			this.first = first;
			this.separator = separator;
			this.named = named;
			this.ifEmpty = ifEmpty;
			this.allowReserved = allowReserved;
		}

		static @Nullable Operator of(char c) {
			return switch (c) {
				case '+' -> RESERVED;
				case '#' -> FRAGMENT;
				case '.' -> LABEL;
				case '/' -> PATH;
				case ';' -> PATH_PARAMETER;
				case '?' -> QUERY;
				case '&' -> QUERY_CONTINUATION;
				default -> null;
			};
		}

	}

	/**
	 * A variable of an expression, with its modifier.
	 *
	 * @param name the variable name
	 * @param explode whether the {@code *} modifier is present
	 * @param prefix the {@code :n} length, or {@link Integer#MAX_VALUE}
	 */
	private record VarSpec(String name, boolean explode, int prefix) {

		static VarSpec parse(String spec, String expression, String template) {
			String name = spec;
			int prefix = Integer.MAX_VALUE;
			int colon = spec.indexOf(':');
			if (colon >= 0) {
				name = spec.substring(0, colon);
				String length = spec.substring(colon + 1);
				if (!PREFIX_LENGTH.matcher(length).matches()) {
					throw UriTemplate.invalid(template, "invalid prefix length '" + length + "' in expression '"
							+ expression + "' (must be 1 to 9999)");
				}
				prefix = Integer.parseInt(length);
			}
			boolean explode = colon < 0 && name.endsWith("*");
			name = explode ? name.substring(0, name.length() - 1) : name;
			if (!VARIABLE_NAME.matcher(name).matches()) {
				throw UriTemplate.invalid(template,
						"invalid variable name '" + name + "' in expression '" + expression + "'");
			}
			return new VarSpec(name, explode, prefix);
		}

	}

	/**
	 * A list item ({@code key} is {@code null}) or an associative array pair.
	 */
	private record Member(@Nullable String key, String value) {

	}

}
