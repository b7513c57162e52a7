package dev.mcpspring.sample;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that a {@code SpringMvc*} test runs the sample as a Spring MVC application on
 * Tomcat, as the {@code spring-mvc} Maven profile makes it, rather than on WebFlux.
 */
final class SpringMvcStack {

	private SpringMvcStack() {
	}

	static void assertServedByTomcat(ApplicationContext context) {
		assertThat(context).isInstanceOf(WebApplicationContext.class);
		assertThat(((WebServerApplicationContext) context).getWebServer().getClass().getSimpleName())
			.isEqualTo("TomcatWebServer");
		assertThat(context.containsBean("dispatcherServlet")).isTrue();
		assertThat(context.containsBean("mcpServletRegistration")).isTrue();
	}

}
