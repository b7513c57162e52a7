package dev.mcpspring.sample;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The {@link ActuatorIntegrationTests} on the sample run as a Spring MVC application on
 * Tomcat (Maven profile {@code spring-mvc}): the probes and the mcp endpoint.
 */
@EnabledIf(value = SpringMvcStack.ON_CLASSPATH, disabledReason = SpringMvcStack.DISABLED_REASON)
class SpringMvcActuatorIntegrationTests extends ActuatorIntegrationTests {

	@Autowired
	private ApplicationContext context;

	@Test
	void servedBySpringMvcOnTomcat() {
		SpringMvcStack.assertServedByTomcat(this.context);
	}

}
