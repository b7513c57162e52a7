package dev.mcpspring.model;

/**
 * The contents of a resource, as text or as a binary blob.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public sealed interface ResourceContents permits TextResourceContents, BlobResourceContents {

	/**
	 * Return the resource URI.
	 * @return the URI
	 */
	String uri();

}
