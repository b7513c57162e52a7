package dev.mcpspring.sample;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The {@link StatelessTypeScriptSdkIntegrationTests} on the sample run as a Spring MVC
 * application on Tomcat (Maven profile {@code spring-mvc}): the official TypeScript SDK
 * v2.x client on the stateless revision 2026-07-28, next to a v1.x session.
 */
@EnabledIf(value = SpringMvcStack.ON_CLASSPATH, disabledReason = SpringMvcStack.DISABLED_REASON)
class SpringMvcStatelessTypeScriptSdkIntegrationTests extends StatelessTypeScriptSdkIntegrationTests {

	@Autowired
	private ApplicationContext context;

	@Test
	void servedBySpringMvcOnTomcat() {
		SpringMvcStack.assertServedByTomcat(this.context);
	}

}
