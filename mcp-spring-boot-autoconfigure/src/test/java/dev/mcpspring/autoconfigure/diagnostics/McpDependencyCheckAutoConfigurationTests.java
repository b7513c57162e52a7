package dev.mcpspring.autoconfigure.diagnostics;

import java.util.List;

import dev.mcpspring.autoconfigure.McpLimitsAutoConfiguration;
import dev.mcpspring.autoconfigure.McpServerAutoConfiguration;
import dev.mcpspring.autoconfigure.McpWebFluxAutoConfiguration;
import dev.mcpspring.autoconfigure.security.McpSecurityAutoConfiguration;
import dev.mcpspring.transport.webflux.RateLimitWebFilter;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableReactiveWebApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link McpDependencyCheckAutoConfiguration}.
 */
class McpDependencyCheckAutoConfigurationTests {

	private static final String KEY = "k3y-0f-the-ci-bot-0123456789";

	private static final String SECURITY_STARTER = "org.springframework.boot:spring-boot-starter-security";

	private static final String RESOURCE_SERVER_STARTER = "org.springframework.boot:spring-boot-starter-security-oauth2-resource-server";

	private static final FilteredClassLoader WITHOUT_SPRING_SECURITY = new FilteredClassLoader(
			"org.springframework.security");

	private static final FilteredClassLoader WITHOUT_RESOURCE_SERVER = new FilteredClassLoader(
			"org.springframework.security.oauth2", "org.springframework.boot.security.oauth2");

	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, WebFluxAutoConfiguration.class,
				HttpHandlerAutoConfiguration.class, McpServerAutoConfiguration.class, McpWebFluxAutoConfiguration.class,
				ReactiveWebSecurityAutoConfiguration.class, ReactiveUserDetailsServiceAutoConfiguration.class,
				McpSecurityAutoConfiguration.class, McpLimitsAutoConfiguration.class,
				McpDependencyCheckAutoConfiguration.class));

	@Test
	void startsWithoutOptionalLibrariesWhenNoFeatureNeedsThem() {
		this.runner
			.withClassLoader(new FilteredClassLoader("org.springframework.security", "io.github.bucket4j",
					"com.github.benmanes.caffeine"))
			.run((context) -> assertThat(context).hasNotFailed());
	}

	// issue 20.1: API keys without Spring Security used to answer 200 to requests without
	// a key
	@Test
	void apiKeysWithoutSpringSecurityFailStartup() {
		this.runner.withClassLoader(WITHOUT_SPRING_SECURITY)
			.withPropertyValues("mcp.server.security.resource=https://mcp.example.test/mcp",
					"mcp.server.security.api-keys.ci.key=" + KEY)
			.run(failsWith("mcp.server.security", "MCP endpoint security", List.of(SECURITY_STARTER),
					"org.springframework.security.config.web.server.ServerHttpSecurity",
					"org.springframework.security.web.server.SecurityWebFilterChain"));
	}

	// issue 12: store=redis without Spring Data Redis used to fall back to in-memory
	// sessions silently
	@Test
	void redisSessionStoreWithoutSpringDataRedisFailsStartup() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.data.redis", "io.lettuce"))
			.withPropertyValues("mcp.server.session.store=redis")
			.run(failsWith("mcp.server.session.store", "the Redis session store",
					List.of("org.springframework.boot:spring-boot-starter-data-redis-reactive"),
					"io.lettuce.core.RedisClient",
					"org.springframework.data.redis.connection.ReactiveRedisConnectionFactory"));
	}

	@Test
	void inMemorySessionStoreNeedsNoRedis() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.data.redis", "io.lettuce"))
			.withPropertyValues("mcp.server.session.store=memory")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void namesTheApiKeyPropertyFirst() {
		this.runner.withClassLoader(WITHOUT_SPRING_SECURITY)
			.withPropertyValues("mcp.server.security.resource=https://mcp.example.test/mcp",
					"mcp.server.security.api-keys.ci.key=" + KEY)
			.run((context) -> assertThat(context).getFailure()
				.isInstanceOfSatisfying(MissingDependencyException.class,
						(ex) -> assertThat(ex.getPropertyGroup()).isEqualTo("mcp.server.security"))
				.hasMessageStartingWith("mcp.server.security.api-keys.ci.key turns on MCP endpoint security")
				.hasMessageNotContaining(KEY));
	}

	@Test
	void jwtSettingsWithoutSpringSecurityAskForTheResourceServerStarter() {
		this.runner.withClassLoader(WITHOUT_SPRING_SECURITY)
			.withPropertyValues("mcp.server.security.resource=https://mcp.example.test/mcp",
					"spring.security.oauth2.resourceserver.jwt.issuer-uri=https://as.example.test")
			.run((context) -> assertThat(context).getFailure()
				.isInstanceOfSatisfying(MissingDependencyException.class,
						(ex) -> assertThat(ex.getDependencies()).containsExactly(RESOURCE_SERVER_STARTER)));
	}

	@Test
	void toolScopesWithoutSpringSecurityFailStartup() {
		this.runner.withClassLoader(WITHOUT_SPRING_SECURITY)
			.withPropertyValues("mcp.server.security.tool-scopes.delete=files:write")
			.run(failsWith("mcp.server.security.tool-scopes.delete", "MCP endpoint security", List.of(SECURITY_STARTER),
					"org.springframework.security.config.web.server.ServerHttpSecurity",
					"org.springframework.security.web.server.SecurityWebFilterChain"));
	}

	@Test
	void jwtIssuerWithoutResourceServerFailsStartup() {
		this.runner.withClassLoader(WITHOUT_RESOURCE_SERVER)
			.withPropertyValues("spring.security.oauth2.resourceserver.jwt.issuer-uri=https://as.example.test",
					"mcp.server.security.resource=https://mcp.example.test/mcp")
			.run(failsWith("spring.security.oauth2.resourceserver.jwt.issuer-uri",
					"MCP security with JWT access tokens", List.of(RESOURCE_SERVER_STARTER),
					"org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration",
					"org.springframework.security.oauth2.jwt.ReactiveJwtDecoder",
					"org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken"));
	}

	@Test
	void jwkSetUriWithoutSpringSecurityFailsStartup() {
		this.runner.withClassLoader(WITHOUT_SPRING_SECURITY)
			.withPropertyValues("spring.security.oauth2.resourceserver.jwt.jwk-set-uri=https://as.example.test/jwks")
			.run((context) -> assertThat(context).getFailure()
				.isInstanceOfSatisfying(MissingDependencyException.class, (ex) -> {
					assertThat(ex.getProperty()).isEqualTo("spring.security.oauth2.resourceserver.jwt.jwk-set-uri");
					assertThat(ex.getDependencies()).containsExactly(RESOURCE_SERVER_STARTER);
				}));
	}

	@Test
	void opaqueTokenWithoutResourceServerFailsStartup() {
		this.runner.withClassLoader(WITHOUT_RESOURCE_SERVER)
			.withPropertyValues(
					"spring.security.oauth2.resourceserver.opaquetoken.introspection-uri=https://as.example.test/introspect",
					"mcp.server.security.resource=https://mcp.example.test/mcp")
			.run(failsWith("spring.security.oauth2.resourceserver.opaquetoken.introspection-uri",
					"MCP security with opaque access tokens", List.of(RESOURCE_SERVER_STARTER),
					"org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration",
					"org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken",
					"org.springframework.security.oauth2.server.resource.introspection.ReactiveOpaqueTokenIntrospector"));
	}

	@Test
	void apiKeysNeedNoResourceServerLibraries() {
		this.runner.withClassLoader(WITHOUT_RESOURCE_SERVER)
			.withPropertyValues("mcp.server.security.resource=https://mcp.example.test/mcp",
					"mcp.server.security.api-keys.ci.key=" + KEY)
			.run((context) -> assertThat(context).hasNotFailed());
	}

	// issue 20.1: the rate limit used to stay off without Bucket4j
	@Test
	void rateLimitWithoutBucket4jFailsStartup() {
		this.runner.withClassLoader(new FilteredClassLoader("io.github.bucket4j"))
			.withPropertyValues("mcp.server.limits.rate-limit.enabled=true")
			.run(failsWith("mcp.server.limits.rate-limit.enabled", "the MCP request rate limit",
					List.of("com.bucket4j:bucket4j_jdk17-core"), "io.github.bucket4j.Bucket"));
	}

	@Test
	void rateLimitWithoutBucket4jAndCaffeineNamesBoth() {
		this.runner.withClassLoader(new FilteredClassLoader("io.github.bucket4j", "com.github.benmanes.caffeine"))
			.withPropertyValues("mcp.server.limits.rate-limit.enabled=true")
			.run(failsWith("mcp.server.limits.rate-limit.enabled", "the MCP request rate limit",
					List.of("com.bucket4j:bucket4j_jdk17-core", "com.github.ben-manes.caffeine:caffeine"),
					"com.github.benmanes.caffeine.cache.Caffeine", "io.github.bucket4j.Bucket"));
	}

	@Test
	void proxyWithoutTheJavaSdkClientFailsStartup() {
		this.runner.withClassLoader(new FilteredClassLoader("io.modelcontextprotocol"))
			.withPropertyValues("mcp.server.proxy.servers.weather.url=http://127.0.0.1:1/mcp")
			.run(failsWith("mcp.server.proxy.servers.weather.url", "proxies of remote MCP servers",
					List.of("io.modelcontextprotocol.sdk:mcp-core", "io.modelcontextprotocol.sdk:mcp-json-jackson3"),
					"io.modelcontextprotocol.client.McpAsyncClient",
					"io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper"));
	}

	@Test
	void openApiSourceWithoutSwaggerParserFailsStartup() {
		this.runner.withClassLoader(new FilteredClassLoader("io.swagger.parser"))
			.withPropertyValues("mcp.server.openapi.sources.petstore.location=classpath:openapi/petstore.yaml")
			.run(failsWith("mcp.server.openapi.sources.petstore.location", "remote OpenAPI documents as tools",
					List.of("io.swagger.parser.v3:swagger-parser"), "io.swagger.parser.OpenAPIParser"));
	}

	@Test
	void disabledRateLimitNeedsNoLibraries() {
		this.runner.withClassLoader(new FilteredClassLoader("io.github.bucket4j"))
			.withPropertyValues("mcp.server.limits.rate-limit.enabled=false", "mcp.server.limits.rate-limit.capacity=5")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(RateLimitWebFilter.class));
	}

	@Test
	void rateLimitWithItsLibrariesStarts() {
		this.runner.withPropertyValues("mcp.server.limits.rate-limit.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(RateLimitWebFilter.class));
	}

	@Test
	void noCheckWhenMcpServerDisabled() {
		this.runner.withClassLoader(WITHOUT_SPRING_SECURITY)
			.withPropertyValues("mcp.server.enabled=false", "mcp.server.security.api-keys.ci.key=" + KEY)
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void noCheckOutsideReactiveWebApplications() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(McpDependencyCheckAutoConfiguration.class))
			.withClassLoader(WITHOUT_SPRING_SECURITY)
			.withPropertyValues("mcp.server.security.api-keys.ci.key=" + KEY)
			.run((context) -> assertThat(context).hasNotFailed());
	}

	private static ContextConsumer<AssertableReactiveWebApplicationContext> failsWith(String property, String feature,
			List<String> dependencies, String... missingClasses) {
		return (context) -> assertThat(context).hasFailed()
			.getFailure()
			.isInstanceOfSatisfying(MissingDependencyException.class, (ex) -> {
				assertThat(ex.getProperty()).startsWith(property);
				assertThat(ex.getFeature()).isEqualTo(feature);
				assertThat(ex.getDependencies()).isEqualTo(dependencies);
				assertThat(ex.getMissingClasses()).containsExactly(missingClasses);
			});
	}

}
