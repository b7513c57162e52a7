package dev.mcpspring.autoconfigure.diagnostics;

import java.util.List;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.Environment;
import org.springframework.util.Assert;

/**
 * Fails startup with a {@link MissingDependencyException} when a property turns on an MCP
 * feature whose libraries are not on the classpath. Runs before any bean is created, so
 * the web server never starts without the feature, lazy initialization or not.
 *
 * @author MCP Spring Boot team
 */
class RequiredDependenciesCheck implements BeanFactoryPostProcessor {

	private final Environment environment;

	private final List<FeatureRequirement> requirements;

	RequiredDependenciesCheck(Environment environment, List<FeatureRequirement> requirements) {
		Assert.notNull(environment, "Environment is required");
		this.environment = environment;
		this.requirements = List.copyOf(requirements);
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		for (FeatureRequirement requirement : this.requirements) {
			String property = requirement.configuredProperty(this.environment);
			if (property == null) {
				continue;
			}
			List<String> missing = requirement.missingClasses(beanFactory.getBeanClassLoader());
			if (!missing.isEmpty()) {
				throw new MissingDependencyException(property, requirement.group(), requirement.feature(), missing,
						requirement.dependencies(missing));
			}
		}
	}

}
