package dev.mcpspring.sample;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The {@link LegacySseJavaSdkIntegrationTests} on the sample run as a Spring MVC
 * application on Tomcat (Maven profile {@code spring-mvc}): the official Java SDK client
 * over the legacy HTTP+SSE transport.
 */
@EnabledIf(value = SpringMvcStack.ON_CLASSPATH, disabledReason = SpringMvcStack.DISABLED_REASON)
class SpringMvcLegacySseJavaSdkIntegrationTests extends LegacySseJavaSdkIntegrationTests {

	@Autowired
	private ApplicationContext context;

	@Test
	void servedBySpringMvcOnTomcat() {
		SpringMvcStack.assertServedByTomcat(this.context);
	}

}
