package dev.mcpspring.model;

import java.util.Base64;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A content block of a tool result or a prompt message. Static factories cover the common
 * cases.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = TextContent.class, name = "text"),
		@JsonSubTypes.Type(value = ImageContent.class, name = "image"),
		@JsonSubTypes.Type(value = AudioContent.class, name = "audio"),
		@JsonSubTypes.Type(value = EmbeddedResource.class, name = "resource"),
		@JsonSubTypes.Type(value = ResourceLink.class, name = "resource_link") })
public sealed interface Content permits TextContent, ImageContent, AudioContent, EmbeddedResource, ResourceLink {

	/**
	 * Return the content type discriminator sent as {@code type}.
	 * @return the type, such as {@code text} or {@code image}
	 */
	@JsonProperty("type")
	String type();

	/**
	 * Create a text block.
	 * @param text the text
	 * @return the content
	 */
	static TextContent text(String text) {
		return new TextContent(text, null, null);
	}

	/**
	 * Create an image block.
	 * @param data the image bytes, sent base64-encoded
	 * @param mimeType the MIME type, such as {@code image/png}
	 * @return the content
	 */
	static ImageContent image(byte[] data, String mimeType) {
		return new ImageContent(Base64.getEncoder().encodeToString(data), mimeType, null, null);
	}

	/**
	 * Create an audio block.
	 * @param data the audio bytes, sent base64-encoded
	 * @param mimeType the MIME type, such as {@code audio/wav}
	 * @return the content
	 */
	static AudioContent audio(byte[] data, String mimeType) {
		return new AudioContent(Base64.getEncoder().encodeToString(data), mimeType, null, null);
	}

	/**
	 * Create an embedded text resource.
	 * @param uri the resource URI
	 * @param mimeType the MIME type, or {@code null}
	 * @param text the resource text
	 * @return the content
	 */
	static EmbeddedResource resource(String uri, @org.jspecify.annotations.Nullable String mimeType, String text) {
		return new EmbeddedResource(new TextResourceContents(uri, mimeType, text, null), null, null);
	}

	/**
	 * Create an embedded binary resource.
	 * @param uri the resource URI
	 * @param mimeType the MIME type, or {@code null}
	 * @param blob the resource bytes, sent base64-encoded
	 * @return the content
	 */
	static EmbeddedResource resource(String uri, @org.jspecify.annotations.Nullable String mimeType, byte[] blob) {
		return new EmbeddedResource(
				new BlobResourceContents(uri, mimeType, Base64.getEncoder().encodeToString(blob), null), null, null);
	}

	/**
	 * Create a link to a resource the client may read.
	 * @param uri the resource URI
	 * @param name the resource name
	 * @return the content
	 */
	static ResourceLink resourceLink(String uri, String name) {
		return new ResourceLink(uri, name, null, null, null, null, null, null, null);
	}

}
