package dev.mcpspring.server.uri;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A URI Template as defined by <a href="https://www.rfc-editor.org/rfc/rfc6570">RFC
 * 6570</a>, that can both {@linkplain #expand(Map) expand} variables into a URI and
 * {@linkplain #match(String) match} a URI back to its variables.
 * <p>
 * MCP servers publish resource templates such as {@code weather://{city}/forecast}; a
 * client fills them in and calls {@code resources/read} with a concrete URI, so the
 * server must map that URI back to the template and its variable values. Expansion
 * supports levels 1 to 3 and the level 4 prefix ({@code :n}) and explode ({@code *})
 * modifiers. Matching supports every level 1 to 3 operator:
 * <ul>
 * <li>a simple {@code {var}} matches a non-empty run of unreserved characters,
 * sub-delimiters and pct-encoded triplets (and, as in IRIs, non-ASCII characters), so
 * never crosses {@code /}, {@code ?} or {@code #}; a reserved {@code {+var}} may also
 * contain them;</li>
 * <li>variables of {@code {?x,y}} and its kin are optional but, when present, in template
 * order;</li>
 * <li>values are percent-decoded as UTF-8; a URI whose values hold a control character, a
 * backslash or a {@code ..} segment matches nothing; {@link #match(String)} returns a
 * list or exploded value as its joined text, such as {@code a/b/c} for {@code {/path*}},
 * and an exploded named value with its names, such as {@code list=red&list=green} for
 * {@code {?list*}}; {@link #matchValues(String)} also returns the members of each value,
 * split before decoding, such as {@code [red, green]};</li>
 * <li>when a URI splits in several ways, such as {@code {x,y}} against {@code 1,2,3},
 * earlier variables take the shortest value;</li>
 * <li>the pattern backtracks, so a template with several variables that can hold the same
 * characters, such as {@code {+a}/{+b}} or {@code {a}{b}}, matches in time polynomial in
 * the URI length: bound the length of untrusted URIs.</li>
 * </ul>
 * Instances are immutable and thread-safe.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public final class UriTemplate {

	private final String template;

	/**
	 * The literal text before each expression, then the text after the last one.
	 */
	private final List<String> literals;

	private final List<UriTemplateExpression> expressions;

	private final List<String> variableNames;

	private final Pattern pattern;

	/**
	 * The variable name of each capturing group of {@link #pattern}, group 1 first.
	 */
	private final List<String> groupNames;

	/**
	 * The expression of each capturing group of {@link #pattern}, group 1 first.
	 */
	private final List<UriTemplateExpression> groupExpressions;

	private UriTemplate(String template, List<String> literals, List<UriTemplateExpression> expressions) {
		this.template = template;
		this.literals = List.copyOf(literals);
		this.expressions = List.copyOf(expressions);
		List<String> variableNames = new ArrayList<>();
		StringBuilder regex = new StringBuilder();
		List<String> groupNames = new ArrayList<>();
		List<UriTemplateExpression> groupExpressions = new ArrayList<>();
		for (int i = 0; i < expressions.size(); i++) {
			regex.append(literalPattern(literals.get(i)));
			expressions.get(i).appendPattern(regex, groupNames);
			while (groupExpressions.size() < groupNames.size()) {
				groupExpressions.add(expressions.get(i));
			}
			variableNames.addAll(expressions.get(i).getVariableNames());
		}
		regex.append(literalPattern(literals.get(literals.size() - 1)));
		this.variableNames = List.copyOf(variableNames);
		this.groupNames = List.copyOf(groupNames);
		this.groupExpressions = List.copyOf(groupExpressions);
		this.pattern = Pattern.compile(regex.toString());
	}

	/**
	 * Parse a URI template.
	 * @param template the template, such as {@code weather://{city}/forecast{?days}}
	 * @return the parsed template
	 * @throws IllegalArgumentException if the template is malformed: an unclosed or
	 * unexpected brace, an empty expression, an unknown operator, an invalid variable
	 * name or prefix length, or a variable named twice
	 */
	public static UriTemplate parse(String template) {
		Objects.requireNonNull(template, "'template' must not be null");
		List<String> literals = new ArrayList<>();
		List<UriTemplateExpression> expressions = new ArrayList<>();
		Set<String> names = new HashSet<>();
		int start = 0;
		for (int i = 0; i < template.length(); i++) {
			char c = template.charAt(i);
			if (c == '}') {
				throw invalid(template, "unexpected '}' at position " + i);
			}
			if (c == '{') {
				int end = template.indexOf('}', i);
				int nested = template.indexOf('{', i + 1);
				if (end < 0 || (nested >= 0 && nested < end)) {
					throw invalid(template, "unclosed '{' at position " + i);
				}
				String body = template.substring(i + 1, end);
				UriTemplateExpression expression = UriTemplateExpression.parse(body, template);
				for (String name : expression.getVariableNames()) {
					if (!names.add(name)) {
						throw invalid(template, "duplicate variable name '" + name + "'");
					}
				}
				literals.add(template.substring(start, i));
				expressions.add(expression);
				start = end + 1;
				i = end;
			}
		}
		literals.add(template.substring(start));
		return new UriTemplate(template, literals, expressions);
	}

	static IllegalArgumentException invalid(String template, String problem) {
		return new IllegalArgumentException("Invalid URI template '" + template + "': " + problem);
	}

	/**
	 * Expand the template. Values may be strings, numbers or booleans (their
	 * {@code toString()}), collections (lists) or maps (associative arrays); a
	 * {@code null} value, an empty collection or an empty map is undefined and skipped.
	 * @param variables the values by variable name
	 * @return the URI
	 */
	public String expand(Map<String, ?> variables) {
		Objects.requireNonNull(variables, "'variables' must not be null");
		StringBuilder uri = new StringBuilder();
		for (int i = 0; i < this.expressions.size(); i++) {
			uri.append(UriTemplateExpression.encode(this.literals.get(i), true));
			this.expressions.get(i).expand(variables, uri);
		}
		uri.append(UriTemplateExpression.encode(this.literals.get(this.literals.size() - 1), true));
		return uri.toString();
	}

	/**
	 * Match a URI against the template.
	 * @param uri the URI, such as {@code weather://Paris/forecast?days=3}
	 * @return the percent-decoded values by variable name, in template order and without
	 * the variables absent from the URI, or {@code null} if the URI does not match
	 */
	public @Nullable Map<String, String> match(String uri) {
		Objects.requireNonNull(uri, "'uri' must not be null");
		Matcher matcher = this.pattern.matcher(uri);
		if (!matcher.matches()) {
			return null;
		}
		Map<String, String> variables = new LinkedHashMap<>();
		for (int group = 1; group <= matcher.groupCount(); group++) {
			String value = matcher.group(group);
			if (value != null) {
				@Nullable String decoded = decode(value);
				if (decoded == null) {
					return null;
				}
				variables.putIfAbsent(this.groupNames.get(group - 1), decoded);
			}
		}
		return Collections.unmodifiableMap(variables);
	}

	/**
	 * Match a URI against the template, keeping the members of list values apart too:
	 * {@code {/path*}} against {@code /a/b%2Fc} gives {@code a/b/c} and {@code [a, b/c]}.
	 * @param uri the URI
	 * @return the values of the variables present in the URI, or {@code null} if the URI
	 * does not match
	 */
	public @Nullable Values matchValues(String uri) {
		Objects.requireNonNull(uri, "'uri' must not be null");
		Matcher matcher = this.pattern.matcher(uri);
		if (!matcher.matches()) {
			return null;
		}
		Map<String, String> values = new LinkedHashMap<>();
		Map<String, List<String>> lists = new LinkedHashMap<>();
		for (int group = 1; group <= matcher.groupCount(); group++) {
			String value = matcher.group(group);
			String name = this.groupNames.get(group - 1);
			if (value == null || values.containsKey(name)) {
				continue;
			}
			String decoded = decode(value);
			if (decoded == null) {
				return null;
			}
			List<String> members = new ArrayList<>();
			for (String member : this.groupExpressions.get(group - 1).split(name, value)) {
				String decodedMember = decode(member);
				if (decodedMember == null) {
					return null;
				}
				members.add(decodedMember);
			}
			values.put(name, decoded);
			lists.put(name, Collections.unmodifiableList(members));
		}
		return new Values(Collections.unmodifiableMap(values), Collections.unmodifiableMap(lists));
	}

	/**
	 * Return the variable names, in template order.
	 * @return the variable names
	 */
	public List<String> getVariableNames() {
		return this.variableNames;
	}

	/**
	 * Return the template text.
	 * @return the template
	 */
	public String getTemplate() {
		return this.template;
	}

	/**
	 * Return whether this template has at least one expression, rather than being a plain
	 * URI.
	 * @return {@code true} if the template has an expression
	 */
	public boolean isTemplate() {
		return !this.expressions.isEmpty();
	}

	@Override
	public boolean equals(@Nullable Object obj) {
		return (this == obj) || (obj instanceof UriTemplate other && this.template.equals(other.template));
	}

	@Override
	public int hashCode() {
		return this.template.hashCode();
	}

	@Override
	public String toString() {
		return this.template;
	}

	/**
	 * The variables matched in a URI.
	 *
	 * @param values the percent-decoded value of each variable, lists as their joined
	 * text, as {@link #match(String)} returns them
	 * @param lists the percent-decoded members of each variable, taken as a list: one
	 * member for a plain value, none for an empty one
	 */
	public record Values(Map<String, String> values, Map<String, List<String>> lists) {

	}

	/**
	 * Match a literal as written, or as expansion encodes it when that differs.
	 */
	private static String literalPattern(String literal) {
		if (literal.isEmpty()) {
			return "";
		}
		String encoded = UriTemplateExpression.encode(literal, true);
		return encoded.equals(literal) ? Pattern.quote(literal)
				: "(?:" + Pattern.quote(literal) + "|" + Pattern.quote(encoded) + ")";
	}

	/**
	 * Percent-decode a value as UTF-8.
	 * @return the decoded value, or {@code null} if a {@code %} does not start a triplet
	 */
	private static @Nullable String decode(String value) {
		String decoded = percentDecode(value);
		return (decoded != null && isSafe(decoded)) ? decoded : null;
	}

	/**
	 * Whether a value may reach a handler: no control characters, no backslash and no
	 * {@code ..} segment, even percent-encoded, so that a value taken for a file name or
	 * path cannot climb out of where the template points (issue 14.2).
	 */
	private static boolean isSafe(String decoded) {
		for (int i = 0; i < decoded.length(); i++) {
			char c = decoded.charAt(i);
			if (c < 0x20 || c == 0x7f || c == '\\') {
				return false;
			}
		}
		for (String segment : decoded.split("/", -1)) {
			if (segment.equals("..")) {
				return false;
			}
		}
		return true;
	}

	private static @Nullable String percentDecode(String value) {
		if (value.indexOf('%') < 0) {
			return value;
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
		for (int i = 0; i < value.length(); i++) {
			if (value.charAt(i) == '%') {
				if (i + 2 >= value.length() || !UriTemplateExpression.isHex(value.charAt(i + 1))
						|| !UriTemplateExpression.isHex(value.charAt(i + 2))) {
					return null;
				}
				bytes.write(Integer.parseInt(value, i + 1, i + 3, 16));
				i += 2;
			}
			else {
				int next = value.indexOf('%', i);
				int end = (next >= 0) ? next : value.length();
				bytes.writeBytes(value.substring(i, end).getBytes(StandardCharsets.UTF_8));
				i = end - 1;
			}
		}
		return bytes.toString(StandardCharsets.UTF_8);
	}

}
