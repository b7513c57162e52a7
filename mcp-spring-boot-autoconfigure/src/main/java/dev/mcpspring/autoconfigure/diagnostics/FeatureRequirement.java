package dev.mcpspring.autoconfigure.diagnostics;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * An MCP feature turned on by configuration, and the classes it needs, each with the
 * dependency that provides it.
 *
 * @param feature what the properties turn on
 * @param properties the properties that turn it on, in the order to report them: a
 * property set to {@code requiredValue}, or a prefix that any property under it turns on
 * (see {@link #configuredProperty})
 * @param requiredValue the value (ignoring case) the properties must have, such as
 * {@code true}, or {@code null} when setting them at all turns the feature on
 * @param group the prefix of every property that turns it on, or {@code null} when only
 * the listed properties do
 * @param classes the classes needed, by name, each mapped to the Maven coordinates of the
 * dependency to add
 * @author MCP Spring Boot team
 */
record FeatureRequirement(String feature, List<String> properties, @Nullable String requiredValue,
		@Nullable String group, Map<String, String> classes) {

	private static final String SECURITY_STARTER = "org.springframework.boot:spring-boot-starter-security";

	private static final String RESOURCE_SERVER_STARTER = "org.springframework.boot:"
			+ "spring-boot-starter-security-oauth2-resource-server";

	private static final List<String> SPRING_SECURITY = List.of(
			"org.springframework.security.web.server.SecurityWebFilterChain",
			"org.springframework.security.config.web.server.ServerHttpSecurity");

	private static final List<String> RESOURCE_SERVER = List.of(
			"org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken",
			"org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive."
					+ "ReactiveOAuth2ResourceServerAutoConfiguration");

	/**
	 * The MCP features that need optional libraries, the most specific first: OAuth token
	 * settings need more than the other security properties.
	 */
	static final List<FeatureRequirement> MCP_FEATURES = List.of(
			new FeatureRequirement("MCP security with JWT access tokens",
					List.of("spring.security.oauth2.resourceserver.jwt.issuer-uri",
							"spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
							"spring.security.oauth2.resourceserver.jwt.public-key-location"),
					null, null,
					providedBy(RESOURCE_SERVER_STARTER, SPRING_SECURITY, RESOURCE_SERVER,
							List.of("org.springframework.security.oauth2.jwt.ReactiveJwtDecoder"))),
			new FeatureRequirement("MCP security with opaque access tokens",
					List.of("spring.security.oauth2.resourceserver.opaquetoken.introspection-uri"), null, null,
					providedBy(RESOURCE_SERVER_STARTER, SPRING_SECURITY, RESOURCE_SERVER,
							List.of("org.springframework.security.oauth2.server.resource.introspection."
									+ "ReactiveOpaqueTokenIntrospector"))),
			new FeatureRequirement("MCP endpoint security",
					List.of("mcp.server.security.api-keys", "mcp.server.security"), null, "mcp.server.security",
					providedBy(SECURITY_STARTER, SPRING_SECURITY)),
			new FeatureRequirement("the Redis session store", List.of("mcp.server.session.store"), "redis", null,
					providedBy("org.springframework.boot:spring-boot-starter-data-redis-reactive",
							List.of("org.springframework.data.redis.connection.ReactiveRedisConnectionFactory",
									"io.lettuce.core.RedisClient"))),
			new FeatureRequirement("proxies of remote MCP servers", List.of("mcp.server.proxy.servers"), null,
					"mcp.server.proxy.servers",
					Map.of("io.modelcontextprotocol.client.McpAsyncClient", "io.modelcontextprotocol.sdk:mcp-core",
							"io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper",
							"io.modelcontextprotocol.sdk:mcp-json-jackson3")),
			new FeatureRequirement("the MCP request rate limit", List.of("mcp.server.limits.rate-limit.enabled"),
					"true", null,
					Map.of("io.github.bucket4j.Bucket", "com.bucket4j:bucket4j_jdk17-core",
							"com.github.benmanes.caffeine.cache.Caffeine", "com.github.ben-manes.caffeine:caffeine")),
			new FeatureRequirement("the MCP response cache", List.of("mcp.server.middleware.cache.enabled"), "true",
					null,
					Map.of("com.github.benmanes.caffeine.cache.Caffeine", "com.github.ben-manes.caffeine:caffeine")),
			new FeatureRequirement("remote OpenAPI documents as tools", List.of("mcp.server.openapi.sources"), null,
					"mcp.server.openapi.sources",
					Map.of("io.swagger.parser.OpenAPIParser", "io.swagger.parser.v3:swagger-parser",
							"org.springframework.web.reactive.function.client.WebClient",
							"org.springframework.boot:spring-boot-starter-webflux")));

	/**
	 * Return the property that turns the feature on.
	 * @param environment the environment
	 * @return the name of the first property set (to {@link #requiredValue} when there is
	 * one, else the property itself or any property under it), or {@code null} when the
	 * feature is off
	 */
	@Nullable String configuredProperty(Environment environment) {
		for (String property : this.properties) {
			String configured = (this.requiredValue != null)
					? propertyWithValue(environment, property, this.requiredValue)
					: propertyAtOrUnder(environment, ConfigurationPropertyName.of(property));
			if (configured != null) {
				return configured;
			}
		}
		return null;
	}

	/**
	 * Return the classes the feature needs that cannot be loaded.
	 * @param classLoader the class loader of the application
	 * @return the missing class names, in a stable order
	 */
	List<String> missingClasses(@Nullable ClassLoader classLoader) {
		return this.classes.keySet()
			.stream()
			.filter((name) -> !ClassUtils.isPresent(name, classLoader))
			.sorted()
			.toList();
	}

	/**
	 * Return the dependencies that provide the given classes.
	 * @param missingClasses class names from {@link #missingClasses}
	 * @return Maven coordinates, without duplicates
	 */
	List<String> dependencies(List<String> missingClasses) {
		return missingClasses.stream().map(this.classes::get).distinct().sorted().toList();
	}

	@SafeVarargs
	private static Map<String, String> providedBy(String dependency, List<String>... classes) {
		Map<String, String> provided = new LinkedHashMap<>();
		Arrays.stream(classes).flatMap(List::stream).forEach((name) -> provided.put(name, dependency));
		return provided;
	}

	private static @Nullable String propertyWithValue(Environment environment, String property, String value) {
		String configured = Binder.get(environment).bind(property, String.class).orElse(null);
		return (configured != null && configured.strip().equalsIgnoreCase(value)) ? property : null;
	}

	private static @Nullable String propertyAtOrUnder(Environment environment, ConfigurationPropertyName prefix) {
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			if (source.getConfigurationProperty(prefix) != null) {
				return prefix.toString();
			}
			Optional<String> descendant = descendant(source, prefix);
			if (descendant.isPresent()) {
				return descendant.get();
			}
			if (source.containsDescendantOf(prefix) == ConfigurationPropertyState.PRESENT) {
				return prefix.toString();
			}
		}
		return null;
	}

	private static Optional<String> descendant(ConfigurationPropertySource source, ConfigurationPropertyName prefix) {
		if (!(source instanceof IterableConfigurationPropertySource iterable)) {
			return Optional.empty();
		}
		return StreamSupport.stream(iterable.spliterator(), false)
			.filter(prefix::isAncestorOf)
			.map(ConfigurationPropertyName::toString)
			.findFirst();
	}

}
