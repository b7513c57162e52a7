package dev.mcpspring.server.uri;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link UriTemplate}.
 *
 * @author MCP Spring Boot team
 */
class UriTemplateTests {

	/**
	 * The variables of RFC 6570 sections 1.2 and 3.2.
	 */
	private static final Map<String, Object> RFC_VARIABLES = rfcVariables();

	private static Map<String, Object> rfcVariables() {
		Map<String, Object> keys = new LinkedHashMap<>();
		keys.put("semi", ";");
		keys.put("dot", ".");
		keys.put("comma", ",");
		Map<String, Object> variables = new HashMap<>();
		variables.put("count", List.of("one", "two", "three"));
		variables.put("dom", List.of("example", "com"));
		variables.put("dub", "me/too");
		variables.put("hello", "Hello World!");
		variables.put("half", "50%");
		variables.put("var", "value");
		variables.put("who", "fred");
		variables.put("base", "http://example.com/home/");
		variables.put("path", "/foo/bar");
		variables.put("list", List.of("red", "green", "blue"));
		variables.put("keys", keys);
		variables.put("v", "6");
		variables.put("x", 1024);
		variables.put("y", 768);
		variables.put("empty", "");
		variables.put("empty_keys", Map.of());
		variables.put("undef", null);
		return variables;
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			{var}                | value
			{hello}              | Hello%20World%21
			{+var}               | value
			{+hello}             | Hello%20World!
			{+path}/here         | /foo/bar/here
			here?ref={+path}     | here?ref=/foo/bar
			X{#var}              | X#value
			X{#hello}            | X#Hello%20World!
			map?{x,y}            | map?1024,768
			{x,hello,y}          | 1024,Hello%20World%21,768
			{+x,hello,y}         | 1024,Hello%20World!,768
			{+path,x}/here       | /foo/bar,1024/here
			{#x,hello,y}         | #1024,Hello%20World!,768
			{#path,x}/here       | #/foo/bar,1024/here
			X{.var}              | X.value
			X{.x,y}              | X.1024.768
			{/var}               | /value
			{/var,x}/here        | /value/1024/here
			{;x,y}               | ;x=1024;y=768
			{;x,y,empty}         | ;x=1024;y=768;empty
			{?x,y}               | ?x=1024&y=768
			{?x,y,empty}         | ?x=1024&y=768&empty=
			?fixed=yes{&x}       | ?fixed=yes&x=1024
			{&x,y,empty}         | &x=1024&y=768&empty=
			{var:3}              | val
			{var:30}             | value
			{list}               | red,green,blue
			{list*}              | red,green,blue
			{keys}               | semi,%3B,dot,.,comma,%2C
			{keys*}              | semi=%3B,dot=.,comma=%2C
			{+path:6}/here       | /foo/b/here
			{+list}              | red,green,blue
			{+list*}             | red,green,blue
			{+keys}              | semi,;,dot,.,comma,,
			{+keys*}             | semi=;,dot=.,comma=,
			{#path:6}/here       | #/foo/b/here
			{#list}              | #red,green,blue
			{#list*}             | #red,green,blue
			{#keys}              | #semi,;,dot,.,comma,,
			{#keys*}             | #semi=;,dot=.,comma=,
			X{.var:3}            | X.val
			X{.list}             | X.red,green,blue
			X{.list*}            | X.red.green.blue
			X{.keys}             | X.semi,%3B,dot,.,comma,%2C
			X{.keys*}            | X.semi=%3B.dot=..comma=%2C
			{/var:1}             | /v
			{/list}              | /red,green,blue
			{/list*}             | /red/green/blue
			{/list*,path:4}      | /red/green/blue/%2Ffoo
			{/keys}              | /semi,%3B,dot,.,comma,%2C
			{/keys*}             | /semi=%3B/dot=./comma=%2C
			{;hello:5}           | ;hello=Hello
			{;list}              | ;list=red,green,blue
			{;list*}             | ;list=red;list=green;list=blue
			{;keys}              | ;keys=semi,%3B,dot,.,comma,%2C
			{;keys*}             | ;semi=%3B;dot=.;comma=%2C
			{?var:3}             | ?var=val
			{?list}              | ?list=red,green,blue
			{?list*}             | ?list=red&list=green&list=blue
			{?keys}              | ?keys=semi,%3B,dot,.,comma,%2C
			{?keys*}             | ?semi=%3B&dot=.&comma=%2C
			{&var:3}             | &var=val
			{&list}              | &list=red,green,blue
			{&list*}             | &list=red&list=green&list=blue
			{&keys}              | &keys=semi,%3B,dot,.,comma,%2C
			{&keys*}             | &semi=%3B&dot=.&comma=%2C
			""")
	void expandRfcLevelExamples(String template, String expected) {
		assertThat(UriTemplate.parse(template).expand(RFC_VARIABLES)).isEqualTo(expected);
	}

	// RFC rows repeating a variable ({.who,who}, {/who,who}, {/var:1,var}) are left out:
	// parse rejects duplicate variable names
	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			{count}              | one,two,three
			{count*}             | one,two,three
			{/count}             | /one,two,three
			{/count*}            | /one/two/three
			{;count}             | ;count=one,two,three
			{;count*}            | ;count=one;count=two;count=three
			{?count}             | ?count=one,two,three
			{?count*}            | ?count=one&count=two&count=three
			{&count*}            | &count=one&count=two&count=three
			{half}               | 50%25
			O{empty}X            | OX
			O{undef}X            | OX
			?{x,empty}           | ?1024,
			?{x,undef}           | ?1024
			?{undef,y}           | ?768
			{+half}              | 50%25
			{base}index          | http%3A%2F%2Fexample.com%2Fhome%2Findex
			{+base}index         | http://example.com/home/index
			O{+empty}X           | OX
			O{+undef}X           | OX
			up{+path}{var}/here  | up/foo/barvalue/here
			{#half}              | #50%25
			foo{#empty}          | foo#
			foo{#undef}          | foo
			{.who}               | .fred
			{.half,who}          | .50%25.fred
			www{.dom*}           | www.example.com
			X{.empty}            | X.
			X{.undef}            | X
			X{.empty_keys}       | X
			X{.empty_keys*}      | X
			{/who}               | /fred
			{/half,who}          | /50%25/fred
			{/who,dub}           | /fred/me%2Ftoo
			{/var,empty}         | /value/
			{/var,undef}         | /value
			{;who}               | ;who=fred
			{;half}              | ;half=50%25
			{;empty}             | ;empty
			{;v,empty,who}       | ;v=6;empty;who=fred
			{;v,bar,who}         | ;v=6;who=fred
			{;x,y,undef}         | ;x=1024;y=768
			{?who}               | ?who=fred
			{?half}              | ?half=50%25
			{?x,y,undef}         | ?x=1024&y=768
			{&who}               | &who=fred
			{&half}              | &half=50%25
			""")
	void expandRfcOperatorExamples(String template, String expected) {
		assertThat(UriTemplate.parse(template).expand(RFC_VARIABLES)).isEqualTo(expected);
	}

	@Test
	void expandEncodesUnicodeAsUtf8AndKeepsTripletsOnlyWhenReserved() {
		Map<String, Object> variables = Map.of("city", "café", "path", "a%20b c");
		assertThat(UriTemplate.parse("{city}/{path}").expand(variables)).isEqualTo("caf%C3%A9/a%2520b%20c");
		assertThat(UriTemplate.parse("{+city}/{+path}").expand(variables)).isEqualTo("caf%C3%A9/a%20b%20c");
		assertThat(UriTemplate.parse("{city:3}").expand(variables)).isEqualTo("caf");
	}

	@Test
	void expandAcceptsNumbersBooleansAndSkipsNullMembers() {
		Map<String, Object> keys = new LinkedHashMap<>();
		keys.put("a", 1);
		keys.put("b", null);
		Map<String, Object> variables = Map.of("n", 2.5, "flag", true, "list", Arrays.asList("x", null, "y"), "keys",
				keys, "none", List.of());
		assertThat(UriTemplate.parse("{n}{?flag,list,keys*,none}").expand(variables))
			.isEqualTo("2.5?flag=true&list=x,y&a=1");
	}

	@Test
	void expandEncodesLiteralsThatAreNotAllowedInUris() {
		assertThat(UriTemplate.parse("file:///my docs/{name}").expand(Map.of("name", "a")))
			.isEqualTo("file:///my%20docs/a");
	}

	@Test
	void matchSimple() {
		UriTemplate template = UriTemplate.parse("test://template/{id}/data");
		assertThat(template.match("test://template/123/data")).isEqualTo(Map.of("id", "123"));
		assertThat(template.match("test://template/a!$&'()*+;=-._~b/data")).isEqualTo(Map.of("id", "a!$&'()*+;=-._~b"));
	}

	@Test // gh-19
	void matchValuesSplitsListsIntoTheirMembers() {
		assertThat(UriTemplate.parse("files://root{/segments*}").matchValues("files://root/a/b%2Fc/d").lists())
			.isEqualTo(Map.of("segments", List.of("a", "b/c", "d")));
		assertThat(UriTemplate.parse("files://root{/segments*}").matchValues("files://root/a/b%2Fc/d").values())
			.isEqualTo(Map.of("segments", "a/b/c/d"));
		assertThat(UriTemplate.parse("{?list*}").matchValues("?list=red&list=green%20tea").lists())
			.isEqualTo(Map.of("list", List.of("red", "green tea")));
		assertThat(UriTemplate.parse("{?list}").matchValues("?list=red,green%2Cblue").lists())
			.isEqualTo(Map.of("list", List.of("red", "green,blue")));
		assertThat(UriTemplate.parse("{;list*}").matchValues(";list=red;list=green").lists())
			.isEqualTo(Map.of("list", List.of("red", "green")));
		assertThat(UriTemplate.parse("www{.dom*}").matchValues("www.example.com").lists())
			.isEqualTo(Map.of("dom", List.of("example", "com")));
		assertThat(UriTemplate.parse("{list}").matchValues("red,green").lists())
			.isEqualTo(Map.of("list", List.of("red", "green")));
		assertThat(UriTemplate.parse("{x}{?list}").matchValues("one?list=").lists())
			.isEqualTo(Map.of("x", List.of("one"), "list", List.of()));
		assertThat(UriTemplate.parse("{/segments*}").matchValues("/a/b%ZZ")).isNull();
		assertThat(UriTemplate.parse("{/segments*}").matchValues("x")).isNull();
	}

	@Test
	void matchSimpleList() {
		UriTemplate template = UriTemplate.parse("map?{x,y}");
		assertThat(template.match("map?1024,768")).isEqualTo(Map.of("x", "1024", "y", "768"));
		assertThat(template.match("map?1024")).isEqualTo(Map.of("x", "1024"));
		assertThat(template.match("map?1024,")).isEqualTo(Map.of("x", "1024", "y", ""));
		assertThat(template.match("map?1,2,3")).isEqualTo(Map.of("x", "1", "y", "2,3"));
		assertThat(UriTemplate.parse("{list}").match("red,green,blue")).isEqualTo(Map.of("list", "red,green,blue"));
	}

	@Test
	void matchReserved() {
		UriTemplate template = UriTemplate.parse("file:///{+path}");
		assertThat(template.match("file:///home/user/notes.txt")).isEqualTo(Map.of("path", "home/user/notes.txt"));
		assertThat(template.match("file:///a/b?c=d:e@f")).isEqualTo(Map.of("path", "a/b?c=d:e@f"));
		assertThat(template.match("file:///")).isNull();
		assertThat(UriTemplate.parse("{+x,hello,y}").match("1024,Hello%20World!,768"))
			.isEqualTo(Map.of("x", "1024", "hello", "Hello World!", "y", "768"));
		assertThat(UriTemplate.parse("{+base}{?q}").match("http://host/a?q=1"))
			.isEqualTo(Map.of("base", "http://host/a", "q", "1"));
	}

	@Test
	void matchFragment() {
		UriTemplate template = UriTemplate.parse("page{#frag}");
		assertThat(template.match("page#section-2")).isEqualTo(Map.of("frag", "section-2"));
		assertThat(template.match("page#/a/b?c")).isEqualTo(Map.of("frag", "/a/b?c"));
		assertThat(template.match("page#")).isEqualTo(Map.of("frag", ""));
		assertThat(template.match("page")).isEqualTo(Map.of());
		assertThat(UriTemplate.parse("{#path,x}/here").match("#/foo/bar,1024/here"))
			.isEqualTo(Map.of("path", "/foo/bar", "x", "1024"));
	}

	@Test
	void matchLabel() {
		UriTemplate template = UriTemplate.parse("file{.ext}");
		assertThat(template.match("file.txt")).isEqualTo(Map.of("ext", "txt"));
		assertThat(template.match("file.tar.gz")).isEqualTo(Map.of("ext", "tar.gz"));
		assertThat(template.match("file")).isEqualTo(Map.of());
		assertThat(template.match("file/txt")).isNull();
		assertThat(UriTemplate.parse("X{.x,y}").match("X.1024.768")).isEqualTo(Map.of("x", "1024", "y", "768"));
		assertThat(UriTemplate.parse("www{.dom*}").match("www.example.com")).isEqualTo(Map.of("dom", "example.com"));
	}

	@Test
	void matchPath() {
		UriTemplate template = UriTemplate.parse("api{/version,resource}");
		assertThat(template.match("api/v1/users")).isEqualTo(Map.of("version", "v1", "resource", "users"));
		assertThat(template.match("api/v1")).isEqualTo(Map.of("version", "v1"));
		assertThat(template.match("api")).isEqualTo(Map.of());
		assertThat(template.match("api/v1/users/42")).isNull();
		assertThat(UriTemplate.parse("{/path*}").match("/a/b/c")).isEqualTo(Map.of("path", "a/b/c"));
		assertThat(UriTemplate.parse("{/var,x}/here").match("/value/1024/here"))
			.isEqualTo(Map.of("var", "value", "x", "1024"));
	}

	@Test
	void matchPathParameters() {
		UriTemplate template = UriTemplate.parse("{;x,y,empty}");
		assertThat(template.match(";x=1024;y=768")).isEqualTo(Map.of("x", "1024", "y", "768"));
		assertThat(template.match(";x=1024;y=768;empty")).isEqualTo(Map.of("x", "1024", "y", "768", "empty", ""));
		assertThat(template.match(";y=768")).isEqualTo(Map.of("y", "768"));
		assertThat(template.match(";y=768;x=1024")).isNull();
		assertThat(UriTemplate.parse("{;list*}").match(";list=red;list=green"))
			.isEqualTo(Map.of("list", "list=red;list=green"));
	}

	@Test
	void matchQuery() {
		UriTemplate template = UriTemplate.parse("weather://{city}/forecast{?days,units}");
		assertThat(template.match("weather://Paris/forecast?days=3&units=metric"))
			.isEqualTo(Map.of("city", "Paris", "days", "3", "units", "metric"));
		assertThat(template.match("weather://Paris/forecast?units=metric"))
			.isEqualTo(Map.of("city", "Paris", "units", "metric"));
		assertThat(template.match("weather://Paris/forecast?days=")).isEqualTo(Map.of("city", "Paris", "days", ""));
		assertThat(template.match("weather://Paris/forecast")).isEqualTo(Map.of("city", "Paris"));
		assertThat(template.match("weather://Paris/forecast&days=3")).isNull();
		assertThat(template.match("weather://Paris/forecast?units=metric&days=3")).isNull();
		assertThat(template.match("weather://Paris/forecast?days=3&other=1")).isNull();
		assertThat(template.match("weather://Paris/forecast?days=3&units=metric#top")).isNull();
		assertThat(UriTemplate.parse("{?x,y}").match("?x=1&y=2")).isEqualTo(Map.of("x", "1", "y", "2"));
		assertThat(UriTemplate.parse("{?list*}").match("?list=red&list=green"))
			.isEqualTo(Map.of("list", "list=red&list=green"));
	}

	@Test
	void matchQueryContinuation() {
		UriTemplate template = UriTemplate.parse("?fixed=yes{&x,y}");
		assertThat(template.match("?fixed=yes&x=1024&y=768")).isEqualTo(Map.of("x", "1024", "y", "768"));
		assertThat(template.match("?fixed=yes")).isEqualTo(Map.of());
		assertThat(template.match("?fixed=no&x=1024")).isNull();
	}

	@Test
	void matchPrefix() {
		assertThat(UriTemplate.parse("{var:3}").match("val")).isEqualTo(Map.of("var", "val"));
	}

	@Test
	void matchDecodesPercentEncodedUtf8() {
		UriTemplate template = UriTemplate.parse("weather://{city}/forecast");
		assertThat(template.match("weather://caf%C3%A9/forecast")).isEqualTo(Map.of("city", "café"));
		assertThat(template.match("weather://New%20York/forecast")).isEqualTo(Map.of("city", "New York"));
		assertThat(template.match("weather://caf%c3%a9+1/forecast")).isEqualTo(Map.of("city", "café+1"));
		assertThat(template.match("weather://café/forecast")).isEqualTo(Map.of("city", "café"));
		assertThat(template.match("weather://a%2Fb/forecast")).isEqualTo(Map.of("city", "a/b"));
	}

	@Test
	void matchReturnsNullWhenUriDoesNotMatch() {
		UriTemplate template = UriTemplate.parse("test://template/{id}/data");
		assertThat(template.match("test://template/123/data/extra")).isNull();
		assertThat(template.match("test://other/123/data")).isNull();
		assertThat(template.match("test://template/1/2/data")).isNull();
		assertThat(template.match("test://template//data")).isNull();
		assertThat(template.match("test://template/1?2/data")).isNull();
		assertThat(template.match("test://template/1#2/data")).isNull();
		assertThat(template.match("test://template/50%/data")).isNull();
		assertThat(template.match("TEST://template/123/data")).isNull();
	}

	@Test
	void matchLongUriWithoutOverflowingTheStack() {
		String id = "a%20".repeat(50_000);
		Map<String, String> variables = UriTemplate.parse("test://{id}/data{?page}").match("test://" + id + "/data");
		assertThat(variables).isEqualTo(Map.of("id", "a ".repeat(50_000)));
	}

	@Test
	void matchLiteralAsWrittenOrEncoded() {
		UriTemplate template = UriTemplate.parse("file:///my docs/{name}");
		assertThat(template.match("file:///my docs/a")).isEqualTo(Map.of("name", "a"));
		assertThat(template.match("file:///my%20docs/a")).isEqualTo(Map.of("name", "a"));
		assertThat(UriTemplate.parse("docs://readme").match("docs://readme")).isEqualTo(Map.of());
		assertThat(UriTemplate.parse("docs://readme").match("docs://readme2")).isNull();
	}

	@Test
	void matchReturnsVariablesInTemplateOrder() {
		Map<String, String> variables = UriTemplate.parse("{z}/{a}{?m}").match("1/2?m=3");
		assertThat(variables).containsExactly(Map.entry("z", "1"), Map.entry("a", "2"), Map.entry("m", "3"));
	}

	@Test
	void expandThenMatchRoundTrips() {
		assertRoundTrip("weather://{city}/forecast{?days,units}",
				Map.of("city", "São Paulo/Centro", "days", "3", "units", "a&b=c"));
		assertRoundTrip("file:///{+path}", Map.of("path", "home/my notes/100%.txt"));
		assertRoundTrip("test://template/{id}/data", Map.of("id", "Hello World!"));
		assertRoundTrip("api{/version,resource}{.format}{#frag}",
				Map.of("version", "v1", "resource", "a,b", "format", "json", "frag", "x/y,z"));
		assertRoundTrip("{;x,y,empty}", Map.of("x", "1024", "y", "768", "empty", ""));
		assertRoundTrip("?fixed=yes{&q}", Map.of("q", "a b"));
		UriTemplate template = UriTemplate.parse("repo://{owner}{/path*}");
		String uri = template.expand(Map.of("owner", "me", "path", List.of("src", "main", "Ü.java")));
		assertThat(uri).isEqualTo("repo://me/src/main/%C3%9C.java");
		assertThat(template.match(uri)).isEqualTo(Map.of("owner", "me", "path", "src/main/Ü.java"));
	}

	private static void assertRoundTrip(String template, Map<String, String> variables) {
		UriTemplate uriTemplate = UriTemplate.parse(template);
		assertThat(uriTemplate.match(uriTemplate.expand(variables))).isEqualTo(variables);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			test://{id                 | unclosed '{' at position 7
			test://{id/{x}             | unclosed '{' at position 7
			test://id}                 | unexpected '}' at position 9
			test://{}/data             | empty expression '{}'
			{!x}                       | unknown operator '!' in expression '{!x}'
			{=x}                       | unknown operator '=' in expression '{=x}'
			{@x}                       | unknown operator '@' in expression '{@x}'
			{,x}                       | unknown operator ',' in expression '{,x}'
			{a-b}                      | invalid variable name 'a-b' in expression '{a-b}'
			{$x}                       | invalid variable name '$x' in expression '{$x}'
			{x,}                       | invalid variable name '' in expression '{x,}'
			{+}                        | invalid variable name '' in expression '{+}'
			{a..b}                     | invalid variable name 'a..b' in expression '{a..b}'
			{x*y}                      | invalid variable name 'x*y' in expression '{x*y}'
			{x:0}                      | invalid prefix length '0' in expression '{x:0}' (must be 1 to 9999)
			{x:10000}                  | invalid prefix length '10000' in expression '{x:10000}' (must be 1 to 9999)
			{x:3*}                     | invalid prefix length '3*' in expression '{x:3*}' (must be 1 to 9999)
			{x}/{x}                    | duplicate variable name 'x'
			{/a,b}{?b}                 | duplicate variable name 'b'
			""")
	void parseRejectsMalformedTemplates(String template, String problem) {
		assertThatIllegalArgumentException().isThrownBy(() -> UriTemplate.parse(template))
			.withMessage("Invalid URI template '" + template + "': " + problem);
	}

	@Test
	void parseAcceptsRfcVariableNames() {
		UriTemplate template = UriTemplate.parse("{a.b,%C3%A9,_1,x*,y:2}");
		assertThat(template.getVariableNames()).containsExactly("a.b", "%C3%A9", "_1", "x", "y");
	}

	@Test
	void accessors() {
		UriTemplate template = UriTemplate.parse("weather://{city}/forecast{?days,units}");
		assertThat(template.getVariableNames()).containsExactly("city", "days", "units");
		assertThat(template.getTemplate()).isEqualTo("weather://{city}/forecast{?days,units}");
		assertThat(template).hasToString("weather://{city}/forecast{?days,units}");
		assertThat(template.isTemplate()).isTrue();
		UriTemplate plain = UriTemplate.parse("docs://readme");
		assertThat(plain.isTemplate()).isFalse();
		assertThat(plain.getVariableNames()).isEmpty();
		assertThat(plain.expand(Map.of())).isEqualTo("docs://readme");
	}

	@Test
	void equalsAndHashCodeUseTemplateText() {
		UriTemplate template = UriTemplate.parse("test://{id}");
		assertThat(template).isEqualTo(UriTemplate.parse("test://{id}"))
			.hasSameHashCodeAs(UriTemplate.parse("test://{id}"))
			.isNotEqualTo(UriTemplate.parse("test://{+id}"))
			.isNotEqualTo("test://{id}");
	}

}
