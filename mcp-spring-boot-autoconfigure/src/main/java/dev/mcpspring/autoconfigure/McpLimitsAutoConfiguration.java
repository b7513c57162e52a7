package dev.mcpspring.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import com.github.benmanes.caffeine.cache.Caffeine;
import dev.mcpspring.server.ConcurrencyLimitInterceptor;
import dev.mcpspring.server.McpServerHandler;
import dev.mcpspring.transport.support.McpHttpHeaders;
import dev.mcpspring.transport.support.StandardHeaderValidator;
import dev.mcpspring.transport.webflux.RateLimitWebFilter;
import io.github.bucket4j.Bucket;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.http.HttpHeaders;
import org.springframework.util.Assert;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.WebFilter;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the limits of an MCP server:
 * concurrent tool calls, request rate and CORS. The rate limit and CORS are web filters
 * of the MCP routes, on WebFlux and on a servlet container alike.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(after = McpServerAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "mcp.server.enabled", matchIfMissing = true)
@ConditionalOnBean(McpServerHandler.class)
public final class McpLimitsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnProperty("mcp.server.limits.max-concurrent-tool-calls")
	ConcurrencyLimitInterceptor mcpConcurrencyLimitInterceptor(McpServerProperties properties) {
		Integer max = properties.getLimits().getMaxConcurrentToolCalls();
		Assert.state(max != null, "mcp.server.limits.max-concurrent-tool-calls must be set");
		return new ConcurrencyLimitInterceptor(max);
	}

	static List<String> httpPaths(McpServerProperties properties) {
		McpTransportProperties transport = properties.getTransport();
		List<String> paths = new ArrayList<>(List.of(transport.getStreamableHttp().getPath()));
		if (transport.getSse().isEnabled()) {
			paths.add(transport.getSse().getPath());
			paths.add(transport.getSse().getMessagePath());
		}
		return paths;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ Bucket.class, Caffeine.class, WebFilter.class })
	@ConditionalOnWebApplication
	@ConditionalOnBooleanProperty("mcp.server.limits.rate-limit.enabled")
	static class RateLimitConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@Order(0)
		RateLimitWebFilter mcpRateLimitWebFilter(McpServerProperties properties) {
			McpLimitsProperties.RateLimit rateLimit = properties.getLimits().getRateLimit();
			return new RateLimitWebFilter(httpPaths(properties), rateLimit.getCapacity(), rateLimit.getPeriod(),
					rateLimit.getMaxClients());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(CorsWebFilter.class)
	@ConditionalOnWebApplication
	@Conditional(OnCorsOriginsCondition.class)
	static class CorsConfigurationBlock {

		@Bean
		@ConditionalOnMissingBean(name = "mcpCorsWebFilter")
		@Order(-300)
		CorsWebFilter mcpCorsWebFilter(McpServerProperties properties) {
			McpTransportProperties.Cors cors = properties.getTransport().getCors();
			CorsConfiguration configuration = new McpCorsConfiguration();
			configuration.setAllowedOrigins(cors.getAllowedOrigins());
			configuration.setAllowedMethods(List.of("GET", "POST", "DELETE", "OPTIONS"));
			configuration.setAllowedHeaders(List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.AUTHORIZATION,
					HttpHeaders.ACCEPT, McpHttpHeaders.MCP_SESSION_ID, McpHttpHeaders.MCP_PROTOCOL_VERSION,
					StandardHeaderValidator.MCP_METHOD, StandardHeaderValidator.MCP_NAME, "Last-Event-ID"));
			configuration.setExposedHeaders(List.of(McpHttpHeaders.MCP_SESSION_ID, HttpHeaders.WWW_AUTHENTICATE));
			configuration.setAllowCredentials(cors.isAllowCredentials());
			configuration.setMaxAge(cors.getMaxAge());
			UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
			httpPaths(properties).forEach((path) -> source.registerCorsConfiguration(path, configuration));
			return new CorsWebFilter(source);
		}

	}

	/**
	 * Allows the {@code Mcp-Param-*} headers of the 2026-07-28 revision besides the fixed
	 * list: their names come from tool parameters, so they cannot be listed up front.
	 */
	static class McpCorsConfiguration extends CorsConfiguration {

		private static final String PARAM_HEADER_PREFIX = "mcp-param-";

		@Override
		public @Nullable List<String> checkHeaders(@Nullable List<String> requestHeaders) {
			if (requestHeaders == null || requestHeaders.isEmpty()) {
				return super.checkHeaders(requestHeaders);
			}
			List<String> listed = requestHeaders.stream().filter((header) -> !isParamHeader(header)).toList();
			List<String> allowed = super.checkHeaders(listed);
			if (allowed == null) {
				return null;
			}
			List<String> result = new ArrayList<>(allowed);
			requestHeaders.stream().filter(McpCorsConfiguration::isParamHeader).forEach(result::add);
			return result;
		}

		private static boolean isParamHeader(String header) {
			return header.regionMatches(true, 0, PARAM_HEADER_PREFIX, 0, PARAM_HEADER_PREFIX.length())
					&& header.length() > PARAM_HEADER_PREFIX.length();
		}

	}

	/**
	 * Matches when {@code mcp.server.transport.cors.allowed-origins} is not empty.
	 */
	static class OnCorsOriginsCondition extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			ConditionMessage.Builder message = ConditionMessage.forCondition("MCP CORS");
			boolean set = Binder.get(context.getEnvironment())
				.bind("mcp.server.transport.cors.allowed-origins", Bindable.listOf(String.class))
				.map((origins) -> !origins.isEmpty())
				.orElse(false);
			return set ? ConditionOutcome.match(message.foundExactly("allowed origins"))
					: ConditionOutcome.noMatch(message.didNotFind("allowed origins").atAll());
		}

	}

}
