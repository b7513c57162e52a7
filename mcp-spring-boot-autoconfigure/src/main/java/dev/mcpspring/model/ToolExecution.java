package dev.mcpspring.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How a tool is executed, published as the tool's {@code execution} member.
 *
 * @param taskSupport {@code "optional"} or {@code "required"}: whether the tool runs as a
 * task of the tasks extension
 * @param inputsBeforeTask input keys gathered synchronously before a task is created; not
 * published
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ToolExecution(String taskSupport, @JsonIgnore List<String> inputsBeforeTask) {

	/**
	 * Task support value of a tool that may run as a task.
	 */
	public static final String OPTIONAL = "optional";

	/**
	 * Task support value of a tool that runs only as a task.
	 */
	public static final String REQUIRED = "required";

	/**
	 * Create an execution description.
	 * @param taskSupport {@code "optional"} or {@code "required"}
	 * @param inputsBeforeTask input keys gathered before a task is created
	 */
	public ToolExecution {
		inputsBeforeTask = List.copyOf(inputsBeforeTask);
	}

}
