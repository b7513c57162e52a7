package dev.mcpspring.oauthbridge;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser for the tests: follows redirects with a cookie jar (cookies belong to a host
 * name, whatever the port, as in browsers), reads the first form of a page and submits
 * it, and stops at the client's redirect URI instead of loading it.
 */
final class UserAgent {

	private static final int MAX_REDIRECTS = 20;

	private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>",
			Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

	private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>", Pattern.CASE_INSENSITIVE);

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private final String stopAt;

	/**
	 * @param stopAt the client's redirect URI: a redirect there ends the navigation
	 */
	UserAgent(String stopAt) {
		this.stopAt = stopAt;
	}

	Page open(URI uri) throws IOException, InterruptedException {
		return follow(HttpRequest.newBuilder(uri).GET());
	}

	Page submit(Page page, Map<String, List<String>> extraFields) throws IOException, InterruptedException {
		Form form = page.form();
		List<String[]> fields = new ArrayList<>(form.hidden());
		extraFields.forEach((name, values) -> values.forEach((value) -> fields.add(new String[] { name, value })));
		String body = fields.stream()
			.map((field) -> encode(field[0]) + "=" + encode(field[1]))
			.collect(Collectors.joining("&"));
		return follow(HttpRequest.newBuilder(form.action())
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private Page follow(HttpRequest.Builder request) throws IOException, InterruptedException {
		HttpRequest current = request.header("Accept", "text/html").timeout(Duration.ofSeconds(20)).build();
		for (int hop = 0; hop < MAX_REDIRECTS; hop++) {
			HttpResponse<String> response = this.http.send(current, HttpResponse.BodyHandlers.ofString());
			String location = response.headers().firstValue("Location").orElse(null);
			if (response.statusCode() / 100 != 3 || location == null) {
				return new Page(current.uri(), response.statusCode(), response.body());
			}
			URI next = current.uri().resolve(location);
			if (next.toString().startsWith(this.stopAt)) {
				return new Page(next, response.statusCode(), "");
			}
			current = HttpRequest.newBuilder(next)
				.header("Accept", "text/html")
				.timeout(Duration.ofSeconds(20))
				.build();
		}
		throw new IllegalStateException("More than " + MAX_REDIRECTS + " redirects");
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	record Page(URI uri, int status, String body) {

		Form form() {
			Matcher form = FORM.matcher(this.body);
			assertThat(form.find()).as("a form at %s (HTTP %s): %s", this.uri, this.status, this.body).isTrue();
			String action = attribute(form.group(1), "action");
			List<String[]> hidden = new ArrayList<>();
			List<String> checkboxes = new ArrayList<>();
			Matcher input = INPUT.matcher(form.group(2));
			while (input.find()) {
				String type = attribute(input.group(), "type");
				String name = attribute(input.group(), "name");
				String value = attribute(input.group(), "value");
				if ("hidden".equalsIgnoreCase(type)) {
					hidden.add(new String[] { name, (value != null) ? value : "" });
				}
				else if ("checkbox".equalsIgnoreCase(type)) {
					checkboxes.add(value);
				}
			}
			return new Form(this.uri.resolve((action != null) ? action : this.uri.toString()), hidden, checkboxes);
		}

		private static String attribute(String tag, String name) {
			Matcher matcher = Pattern.compile("\\b" + name + "\\s*=\\s*\"([^\"]*)\"", Pattern.CASE_INSENSITIVE)
				.matcher(tag);
			return matcher.find() ? matcher.group(1).replace("&amp;", "&").replace("&quot;", "\"") : null;
		}

	}

	record Form(URI action, List<String[]> hidden, List<String> checkboxes) {

	}

}
