package dev.mcpspring.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The contents of a resource, as text or as a binary blob.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.DEDUCTION)
@JsonSubTypes({ @JsonSubTypes.Type(TextResourceContents.class), @JsonSubTypes.Type(BlobResourceContents.class) })
public sealed interface ResourceContents permits TextResourceContents, BlobResourceContents {

	/**
	 * Return the resource URI.
	 * @return the URI
	 */
	String uri();

	/**
	 * Return the same contents under another URI, as a server that re-exposes another
	 * server's resources under its own URIs needs.
	 * @param uri the URI
	 * @return the contents
	 */
	ResourceContents withUri(String uri);

}
