package dev.mcpspring.sample.conformance;

import java.util.Base64;

import dev.mcpspring.annotation.McpArg;
import dev.mcpspring.annotation.McpResource;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The resources the official MCP conformance suite reads. Active in the
 * {@code conformance} profile only.
 */
@Component
@Profile("conformance")
public class ConformanceResources {

	@McpResource(uri = "test://static-text", name = "static-text", description = "A static text resource",
			mimeType = "text/plain")
	public String staticText() {
		return "This is the content of the static text resource.";
	}

	@McpResource(uri = "test://static-binary", name = "static-binary", description = "A static binary resource",
			mimeType = "image/png")
	public byte[] staticBinary() {
		return Base64.getDecoder().decode(ConformanceTools.PNG);
	}

	@McpResource(uri = "test://template/{id}/data", name = "template", description = "Data of one item",
			mimeType = "application/json")
	public TemplateData template(@McpArg(description = "Item id") String id) {
		return new TemplateData(id, true, "Data for ID: " + id);
	}

	@McpResource(uri = "test://watched-resource", name = "watched-resource",
			description = "A resource clients can subscribe to", mimeType = "text/plain")
	public String watched() {
		return "Watched resource content";
	}

	/**
	 * The contents of a templated resource.
	 *
	 * @param id the item id
	 * @param templateTest always {@code true}
	 * @param data a description
	 */
	public record TemplateData(String id, boolean templateTest, String data) {

	}

}
