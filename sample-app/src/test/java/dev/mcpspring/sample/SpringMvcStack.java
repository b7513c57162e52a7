package dev.mcpspring.sample;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that a {@code SpringMvc*} test runs the sample as a Spring MVC application on
 * Tomcat, as the {@code spring-mvc} Maven profile makes it, rather than on WebFlux.
 */
final class SpringMvcStack {

	/**
	 * The condition of the {@code SpringMvc*} tests: they run only with Spring MVC and
	 * Tomcat on the classpath, even when a {@code -Dtest} pattern selects them in the
	 * default build.
	 */
	static final String ON_CLASSPATH = "dev.mcpspring.sample.SpringMvcStack#onClasspath";

	static final String DISABLED_REASON = "Spring MVC and Tomcat are on the classpath with -Pspring-mvc only";

	private SpringMvcStack() {
	}

	static boolean onClasspath() {
		ClassLoader classLoader = SpringMvcStack.class.getClassLoader();
		return ClassUtils.isPresent("org.springframework.web.servlet.DispatcherServlet", classLoader)
				&& ClassUtils.isPresent("org.apache.catalina.startup.Tomcat", classLoader);
	}

	static void assertServedByTomcat(ApplicationContext context) {
		assertThat(context).isInstanceOf(WebApplicationContext.class);
		assertThat(((WebServerApplicationContext) context).getWebServer().getClass().getSimpleName())
			.isEqualTo("TomcatWebServer");
		assertThat(context.containsBean("dispatcherServlet")).isTrue();
		assertThat(context.containsBean("mcpServletRegistration")).isTrue();
	}

}
