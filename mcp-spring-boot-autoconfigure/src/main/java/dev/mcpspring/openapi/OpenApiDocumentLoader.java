package dev.mcpspring.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.StreamUtils;

/**
 * Reads an OpenAPI 3.0 or 3.1 document with swagger-parser, from a file, a URL or the
 * class path, resolving its external references. Fails at startup, naming the source,
 * when the document cannot be read.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class OpenApiDocumentLoader {

	private static final Log logger = LogFactory.getLog(OpenApiDocumentLoader.class);

	private static final String CLASSPATH_PREFIX = ResourceLoader.CLASSPATH_URL_PREFIX;

	private final ResourceLoader resourceLoader;

	/**
	 * Create a loader that reads {@code classpath:} locations with the given loader.
	 * @param resourceLoader the loader of {@code classpath:} locations
	 */
	public OpenApiDocumentLoader(ResourceLoader resourceLoader) {
		this.resourceLoader = resourceLoader;
	}

	/**
	 * Create a loader that uses the default class loader.
	 */
	public OpenApiDocumentLoader() {
		this(new DefaultResourceLoader());
	}

	/**
	 * Read a document.
	 * @param source the source naming the location
	 * @return the document, its external references resolved
	 * @throws IllegalStateException when the document cannot be read or parsed
	 */
	public OpenAPI load(OpenApiSource source) {
		ParseOptions options = new ParseOptions();
		options.setResolve(true);
		SwaggerParseResult result = parse(source, options);
		List<String> messages = (result.getMessages() != null) ? result.getMessages() : List.of();
		if (result.getOpenAPI() == null || result.getOpenAPI().getPaths() == null) {
			throw new IllegalStateException("Cannot read the OpenAPI document of source '" + source.name() + "' at "
					+ source.location() + (messages.isEmpty() ? "" : ": " + String.join("; ", messages)));
		}
		if (!messages.isEmpty() && logger.isDebugEnabled()) {
			logger.debug("OpenAPI source '" + source.name() + "': " + String.join("; ", messages));
		}
		return result.getOpenAPI();
	}

	private SwaggerParseResult parse(OpenApiSource source, ParseOptions options) {
		String location = source.location();
		if (!location.startsWith(CLASSPATH_PREFIX)) {
			return new OpenAPIParser().readLocation(location, null, options);
		}
		Resource resource = this.resourceLoader.getResource(location);
		try (InputStream input = resource.getInputStream()) {
			String content = StreamUtils.copyToString(input, StandardCharsets.UTF_8);
			return new OpenAPIParser().readContents(content, null, options);
		}
		catch (IOException ex) {
			throw new IllegalStateException(
					"Cannot read the OpenAPI document of source '" + source.name() + "' at " + location, ex);
		}
	}

}
