package dev.mcpspring.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Caffeine;
import dev.mcpspring.server.McpServerHandler;
import dev.mcpspring.server.PromptRegistry;
import dev.mcpspring.server.ResourceRegistry;
import dev.mcpspring.server.ResponseCacheInterceptor;
import dev.mcpspring.server.ToolRateLimitInterceptor;
import dev.mcpspring.server.ToolRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.Assert;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for the built-in middleware of an
 * MCP server: per-tool rate limits and the cache of list and read results. Error detail
 * masking is a setting of the engine.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(after = McpServerAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "mcp.server.enabled", matchIfMissing = true)
@ConditionalOnBean(McpServerHandler.class)
@EnableConfigurationProperties(McpMiddlewareProperties.class)
public final class McpMiddlewareAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@Conditional(OnToolRateLimitsCondition.class)
	ToolRateLimitInterceptor mcpToolRateLimitInterceptor(McpMiddlewareProperties properties) {
		Map<String, ToolRateLimitInterceptor.Limit> limits = new LinkedHashMap<>();
		properties.getRateLimits().forEach((tool, limit) -> {
			Assert.state(limit.getLimit() > 0,
					() -> "mcp.server.middleware.rate-limits[" + tool + "].limit must be positive");
			Assert.state(!(limit.getPeriod().isNegative() || limit.getPeriod().isZero()),
					() -> "mcp.server.middleware.rate-limits[" + tool + "].period must be positive");
			limits.put(tool,
					new ToolRateLimitInterceptor.Limit(limit.getLimit(), limit.getPeriod(), limit.isPerPrincipal()));
		});
		return new ToolRateLimitInterceptor(limits);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Caffeine.class)
	@ConditionalOnBooleanProperty("mcp.server.middleware.cache.enabled")
	static class ResponseCacheConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ResponseCacheInterceptor mcpResponseCacheInterceptor(McpMiddlewareProperties properties, ToolRegistry tools,
				PromptRegistry prompts, ResourceRegistry resources) {
			McpMiddlewareProperties.Cache cache = properties.getCache();
			return new ResponseCacheInterceptor(cache.getTtl(), cache.getMaxEntries(), cache.getScope(), tools, prompts,
					resources);
		}

	}

	/**
	 * Matches when at least one tool has a rate limit.
	 */
	static class OnToolRateLimitsCondition extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			ConditionMessage.Builder message = ConditionMessage.forCondition("MCP tool rate limits");
			boolean set = Binder.get(context.getEnvironment())
				.bind("mcp.server.middleware.rate-limits",
						Bindable.mapOf(String.class, McpMiddlewareProperties.RateLimit.class))
				.map((limits) -> !limits.isEmpty())
				.orElse(false);
			return set ? ConditionOutcome.match(message.foundExactly("rate limits"))
					: ConditionOutcome.noMatch(message.didNotFind("rate limits").atAll());
		}

	}

}
