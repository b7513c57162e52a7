package dev.mcpspring.rest;

/**
 * The {@link RestEndpointToolsIntegrationTests} in an application with Boot's
 * {@code spring.webflux.base-path}: tools call the endpoints under the base path, where
 * the application's {@code HttpHandler} serves them.
 */
class RestEndpointToolsWithBasePathIntegrationTests extends RestEndpointToolsIntegrationTests {

	@Override
	String basePath() {
		return "/shop";
	}

}
