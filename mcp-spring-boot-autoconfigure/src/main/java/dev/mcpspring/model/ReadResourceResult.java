package dev.mcpspring.model;

import java.util.List;

/**
 * Result of {@code resources/read}.
 *
 * @param contents the contents, usually one entry
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public record ReadResourceResult(List<ResourceContents> contents) {

}
