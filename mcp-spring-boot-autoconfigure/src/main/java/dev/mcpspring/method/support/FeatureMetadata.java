package dev.mcpspring.method.support;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.mcpspring.annotation.McpIcon;
import dev.mcpspring.annotation.McpResource;
import dev.mcpspring.annotation.McpTool;
import dev.mcpspring.model.Annotations;
import dev.mcpspring.model.Icon;
import dev.mcpspring.model.Role;
import dev.mcpspring.model.ToolAnnotations;
import dev.mcpspring.model.ToolExecution;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * Turns the descriptive attributes of the MCP annotations (hints, icons, {@code _meta},
 * audience) into their protocol model, leaving out what is not set.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
final class FeatureMetadata {

	private FeatureMetadata() {
	}

	/**
	 * The behavioural hints of a tool. Java cannot tell an attribute set to its default
	 * from one left out, and the defaults of {@link McpTool} are the spec's, which a
	 * client assumes for a missing hint: so only the hints that differ from them are
	 * sent, and a read-only tool is not also announced as destructive.
	 * @param annotation the tool annotation
	 * @return the hints, or {@code null} if all are at their defaults
	 */
	static @Nullable ToolAnnotations toolAnnotations(McpTool annotation) {
		Boolean readOnly = annotation.readOnlyHint() ? Boolean.TRUE : null;
		Boolean destructive = annotation.destructiveHint() ? null : Boolean.FALSE;
		Boolean idempotent = annotation.idempotentHint() ? Boolean.TRUE : null;
		Boolean openWorld = annotation.openWorldHint() ? null : Boolean.FALSE;
		if (readOnly == null && destructive == null && idempotent == null && openWorld == null) {
			return null;
		}
		return new ToolAnnotations(null, readOnly, destructive, idempotent, openWorld);
	}

	static @Nullable ToolExecution execution(McpTool annotation) {
		return switch (annotation.taskSupport()) {
			case NONE -> null;
			case OPTIONAL -> new ToolExecution(ToolExecution.OPTIONAL, List.of(annotation.inputsBeforeTask()));
			case REQUIRED -> new ToolExecution(ToolExecution.REQUIRED, List.of(annotation.inputsBeforeTask()));
		};
	}

	static @Nullable Annotations resourceAnnotations(McpResource annotation) {
		List<Role> audience = Arrays.stream(annotation.audience())
			.map((role) -> Role.valueOf(role.toUpperCase(Locale.ROOT)))
			.toList();
		Double priority = (annotation.priority() >= 0) ? annotation.priority() : null;
		String lastModified = emptyToNull(annotation.lastModified());
		if (audience.isEmpty() && priority == null && lastModified == null) {
			return null;
		}
		return new Annotations(audience.isEmpty() ? null : audience, priority, lastModified);
	}

	static @Nullable List<Icon> icons(McpIcon[] icons) {
		if (icons.length == 0) {
			return null;
		}
		return Arrays.stream(icons)
			.map((icon) -> new Icon(icon.src(), emptyToNull(icon.mimeType()),
					(icon.sizes().length > 0) ? List.of(icon.sizes()) : null, emptyToNull(icon.theme())))
			.toList();
	}

	static @Nullable Map<String, Object> meta(String[] entries) {
		if (entries.length == 0) {
			return null;
		}
		Map<String, Object> meta = new LinkedHashMap<>();
		for (String entry : entries) {
			int separator = entry.indexOf('=');
			if (separator <= 0) {
				throw new IllegalArgumentException("meta entry '" + entry + "' must be written key=value");
			}
			meta.put(entry.substring(0, separator).trim(), entry.substring(separator + 1).trim());
		}
		return meta;
	}

	static @Nullable String emptyToNull(String value) {
		return StringUtils.hasText(value) ? value : null;
	}

}
