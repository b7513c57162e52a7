package dev.mcpspring.autoconfigure.rest;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the application's own REST endpoints offered as MCP tools.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@ConfigurationProperties("mcp.server.rest")
public class McpRestProperties {

	/**
	 * Whether to offer REST endpoints as tools: those annotated with @McpExposed and
	 * those the include rules select.
	 */
	private boolean enabled = true;

	/**
	 * Endpoints offered as tools without @McpExposed. With no rule, only annotated
	 * endpoints are tools.
	 */
	private final Endpoints include = new Endpoints();

	/**
	 * Endpoints never offered as tools, even when annotated.
	 */
	private final Endpoints exclude = new Endpoints();

	private final Resources resources = new Resources();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Endpoints getInclude() {
		return this.include;
	}

	public Endpoints getExclude() {
		return this.exclude;
	}

	public Resources getResources() {
		return this.resources;
	}

	/**
	 * The selected GET endpoints offered as resources rather than tools.
	 */
	public static class Resources {

		/**
		 * Ant-style patterns of the GET endpoints offered as resources (resource
		 * templates when their path has variables), for example /api/books/**.
		 */
		private List<String> paths = new ArrayList<>();

		/**
		 * What the URI of such a resource starts with, followed by the endpoint's path.
		 */
		private String baseUri = "rest://app";

		public List<String> getPaths() {
			return this.paths;
		}

		public void setPaths(List<String> paths) {
			this.paths = paths;
		}

		public String getBaseUri() {
			return this.baseUri;
		}

		public void setBaseUri(String baseUri) {
			this.baseUri = baseUri;
		}

	}

	/**
	 * A selection of endpoints.
	 */
	public static class Endpoints {

		/**
		 * HTTP methods, for example GET.
		 */
		private List<String> methods = new ArrayList<>();

		/**
		 * Ant-style patterns of the mapped paths, for example /api/**.
		 */
		private List<String> paths = new ArrayList<>();

		public List<String> getMethods() {
			return this.methods;
		}

		public void setMethods(List<String> methods) {
			this.methods = methods;
		}

		public List<String> getPaths() {
			return this.paths;
		}

		public void setPaths(List<String> paths) {
			this.paths = paths;
		}

	}

}
