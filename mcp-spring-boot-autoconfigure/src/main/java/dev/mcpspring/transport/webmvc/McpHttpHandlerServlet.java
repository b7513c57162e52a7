package dev.mcpspring.transport.webmvc;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.http.server.reactive.ServletHttpHandlerAdapter;
import org.springframework.util.Assert;
import org.springframework.web.reactive.function.server.HandlerStrategies;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Serves the MCP routes of the WebFlux transports on a servlet container, through
 * Spring's async {@link ServletHttpHandlerAdapter}: the same handlers, engine, limits and
 * checks as on Netty, so Streamable HTTP (JSON and SSE answers, GET streams, DELETE) and
 * the legacy HTTP+SSE transport behave alike on both stacks.
 * <p>
 * Mapped to the exact MCP paths rather than to a path prefix, so the paths within the
 * application are the ones the routes match. The caller authenticated by the servlet
 * filters, such as a Spring Security filter chain, is read on the container thread and
 * becomes the exchange's principal. The adapter starts async processing without a
 * timeout, so long-lived SSE streams are not cut at the container's default; they end
 * when the client leaves or the session closes.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class McpHttpHandlerServlet extends ServletHttpHandlerAdapter {

	private static final String PRINCIPAL_ATTRIBUTE = McpHttpHandlerServlet.class.getName() + ".principal";

	/**
	 * Create a servlet.
	 * @param routes the MCP routes
	 * @param webFilters the web filters to apply ahead of the routes, such as CORS and
	 * the rate limit, in their order
	 */
	public McpHttpHandlerServlet(RouterFunction<ServerResponse> routes, List<WebFilter> webFilters) {
		super(httpHandler(routes, webFilters));
	}

	private static HttpHandler httpHandler(RouterFunction<ServerResponse> routes, List<WebFilter> webFilters) {
		Assert.notNull(routes, "MCP routes are required");
		List<WebFilter> filters = new ArrayList<>();
		filters.add(new ServletPrincipalWebFilter());
		filters.addAll(webFilters);
		HandlerStrategies.Builder strategies = HandlerStrategies.builder();
		filters.forEach(strategies::webFilter);
		HttpHandler handler = RouterFunctions.toHttpHandler(routes, strategies.build());
		return (request, response) -> handler.handle(request, new WriterThreadResponse(response));
	}

	/**
	 * Initialise the adapter as if it were mapped to the root: the adapter accepts one
	 * prefix mapping only, while this servlet is mapped to the exact MCP paths, whose
	 * routes match the path within the application.
	 */
	@Override
	public void init(ServletConfig config) {
		super.init(new RootMappedServletConfig(config));
	}

	@Override
	public void service(ServletRequest request, ServletResponse response) throws ServletException, IOException {
		if (request instanceof HttpServletRequest httpRequest) {
			Principal principal = httpRequest.getUserPrincipal();
			if (principal != null) {
				request.setAttribute(PRINCIPAL_ATTRIBUTE, principal);
			}
		}
		super.service(request, response);
	}

	/**
	 * Makes the principal the servlet filters authenticated the exchange's principal,
	 * which the MCP handlers bind sessions and tasks to.
	 */
	static final class ServletPrincipalWebFilter implements WebFilter, Ordered {

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
			Principal principal = principal(exchange);
			if (principal == null) {
				return chain.filter(exchange);
			}
			return chain.filter(exchange.mutate().principal(Mono.just(principal)).build());
		}

		private static @Nullable Principal principal(ServerWebExchange exchange) {
			Object nativeRequest = ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest());
			if (nativeRequest instanceof HttpServletRequest servletRequest
					&& servletRequest.getAttribute(PRINCIPAL_ATTRIBUTE) instanceof Principal principal) {
				return principal;
			}
			return null;
		}

		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE;
		}

	}

	/**
	 * Writes the body on a scheduler's thread rather than on the thread that produced it.
	 * A servlet container writes on the calling thread, and Tomcat closes the connection
	 * at once when that thread is interrupted, as the thread of a blocking tool is when
	 * its call is cancelled or times out: the client's whole stream, and with legacy SSE
	 * its session, would go with it. (Reactor Netty always writes on its event loop.)
	 */
	static final class WriterThreadResponse extends ServerHttpResponseDecorator {

		WriterThreadResponse(ServerHttpResponse delegate) {
			super(delegate);
		}

		@Override
		public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
			return super.writeWith(Flux.from(body).publishOn(Schedulers.boundedElastic()));
		}

		@Override
		public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
			return super.writeAndFlushWith(Flux.from(body).publishOn(Schedulers.boundedElastic()));
		}

	}

	/**
	 * The servlet's configuration, except that its registration reports the root mapping
	 * {@code /}.
	 */
	private record RootMappedServletConfig(ServletConfig config) implements ServletConfig {

		@Override
		public String getServletName() {
			return this.config.getServletName();
		}

		@Override
		public ServletContext getServletContext() {
			ServletContext context = this.config.getServletContext();
			return proxy(ServletContext.class, context, (method, args) -> {
				if (method.getName().equals("getServletRegistration")) {
					ServletRegistration registration = context.getServletRegistration((String) args[0]);
					return proxy(ServletRegistration.class, registration,
							(registrationMethod, registrationArgs) -> registrationMethod.getName().equals("getMappings")
									? List.of("/") : registrationMethod.invoke(registration, registrationArgs));
				}
				return method.invoke(context, args);
			});
		}

		@Override
		public @Nullable String getInitParameter(String name) {
			return this.config.getInitParameter(name);
		}

		@Override
		public Enumeration<String> getInitParameterNames() {
			return this.config.getInitParameterNames();
		}

		private static <T> T proxy(Class<T> type, T target, Invocation invocation) {
			return type.cast(Proxy.newProxyInstance(McpHttpHandlerServlet.class.getClassLoader(),
					new Class<?>[] { type }, (proxy, method, args) -> {
						try {
							return invocation.invoke(method, args);
						}
						catch (InvocationTargetException ex) {
							throw ex.getCause();
						}
					}));
		}

	}

	@FunctionalInterface
	private interface Invocation {

		@Nullable Object invoke(Method method, @Nullable Object[] args) throws Exception;

	}

}
