package dev.mcpspring.method.support;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;

import dev.mcpspring.method.McpHandlerMethod;

import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.aop.support.AopUtils;
import org.springframework.core.MethodIntrospector;
import org.springframework.util.ClassUtils;

/**
 * Finds the annotated methods of beans exposed through AOP proxies, and checks that they
 * can be called through the proxy, so that its advice ({@code @Transactional},
 * {@code @PreAuthorize}, ...) applies.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
final class ProxiedBeans {

	private ProxiedBeans() {
	}

	/**
	 * Whether a bean type is an interface-based (JDK) proxy class, whose methods carry
	 * none of the target class annotations.
	 * @param type the bean type
	 * @return {@code true} for a JDK proxy class
	 */
	static boolean isJdkProxyType(Class<?> type) {
		return Proxy.isProxyClass(type);
	}

	/**
	 * Return the class of the object a proxy ultimately delegates to.
	 * @param bean the bean, possibly a proxy
	 * @return the target class
	 */
	static Class<?> targetClass(Object bean) {
		return ClassUtils.getUserClass(AopProxyUtils.ultimateTargetClass(bean));
	}

	/**
	 * Create the handler method of an annotated method of the target class, invoked
	 * through the bean.
	 * @param bean the bean, possibly a proxy
	 * @param method the annotated method, as declared on the target class
	 * @return the handler method
	 * @throws IllegalArgumentException if a JDK proxy does not expose the method
	 */
	static McpHandlerMethod handlerMethod(Object bean, Method method) {
		if (AopUtils.isJdkDynamicProxy(bean)) {
			try {
				MethodIntrospector.selectInvocableMethod(method, bean.getClass());
			}
			catch (IllegalStateException ex) {
				throw new IllegalArgumentException("the method is not declared by the interfaces of its JDK proxy "
						+ Arrays.stream(AopProxyUtils.proxiedUserInterfaces(bean)).map(Class::getName).toList()
						+ ", so it cannot be called through the proxy and its advice: declare it on one of them, "
						+ "or proxy the target class (proxyTargetClass = true)", ex);
			}
		}
		return new McpHandlerMethod(bean, method);
	}

}
