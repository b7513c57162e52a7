package dev.mcpspring.autoconfigure.security;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when Spring Boot's {@code spring.security.oauth2.resourceserver.jwt.audiences}
 * is not set, so the MCP resource URI must be checked as the audience instead.
 *
 * @author MCP Spring Boot team
 */
class NoJwtAudiencesCondition extends SpringBootCondition {

	private static final String PROPERTY = "spring.security.oauth2.resourceserver.jwt.audiences";

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConditionMessage.Builder message = ConditionMessage.forCondition("JWT audiences");
		boolean set = Binder.get(context.getEnvironment())
			.bind(PROPERTY, Bindable.listOf(String.class))
			.map((audiences) -> !audiences.isEmpty())
			.orElse(false);
		return set ? ConditionOutcome.noMatch(message.found("property").items(PROPERTY))
				: ConditionOutcome.match(message.didNotFind("property").items(PROPERTY));
	}

}
