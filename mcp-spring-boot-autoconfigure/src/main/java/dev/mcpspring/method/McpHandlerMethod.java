package dev.mcpspring.method;

import java.lang.reflect.Method;

import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.aop.support.AopUtils;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.core.annotation.AnnotatedMethod;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;

/**
 * A method of a Spring bean that serves MCP requests, with its parameters.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class McpHandlerMethod {

	private static final ParameterNameDiscoverer parameterNameDiscoverer = new DefaultParameterNameDiscoverer();

	private final Object bean;

	private final Class<?> beanType;

	private final Method method;

	private final Method invocableMethod;

	private final MethodParameter[] parameters;

	/**
	 * Create a handler method.
	 * @param bean the bean instance, possibly an AOP proxy
	 * @param method the annotated method, as declared on the user class
	 */
	public McpHandlerMethod(Object bean, Method method) {
		Assert.notNull(bean, "Bean is required");
		Assert.notNull(method, "Method is required");
		this.bean = bean;
		this.beanType = ClassUtils.getUserClass(AopProxyUtils.ultimateTargetClass(bean));
		this.method = method;
		this.invocableMethod = AopUtils.selectInvocableMethod(method, bean.getClass());
		// parameter annotations of the interfaces and superclasses count too, as for
		// Spring MVC
		this.parameters = new AnnotatedMethod(method).getMethodParameters();
		for (MethodParameter parameter : this.parameters) {
			parameter.initParameterNameDiscovery(parameterNameDiscoverer);
		}
	}

	/**
	 * Copy constructor for subclasses.
	 * @param other the handler method to copy
	 */
	protected McpHandlerMethod(McpHandlerMethod other) {
		this.bean = other.bean;
		this.beanType = other.beanType;
		this.method = other.method;
		this.invocableMethod = other.invocableMethod;
		this.parameters = other.parameters;
	}

	public Object getBean() {
		return this.bean;
	}

	public Class<?> getBeanType() {
		return this.beanType;
	}

	/**
	 * Return the annotated method as declared on the user class.
	 * @return the method
	 */
	public Method getMethod() {
		return this.method;
	}

	/**
	 * Return the method to invoke on the bean, which may be a proxy.
	 * @return the invocable method
	 */
	protected Method getInvocableMethod() {
		return this.invocableMethod;
	}

	public MethodParameter[] getMethodParameters() {
		return this.parameters;
	}

	/**
	 * Return the method return type.
	 * @return the return type
	 */
	public MethodParameter getReturnType() {
		return new MethodParameter(this.method, -1);
	}

	/**
	 * Return a short description for messages, such as {@code BookTools#search}.
	 * @return the description
	 */
	public String getShortLogMessage() {
		return this.beanType.getSimpleName() + "#" + this.method.getName();
	}

	@Override
	public String toString() {
		return this.beanType.getName() + "#" + this.method.getName();
	}

}
