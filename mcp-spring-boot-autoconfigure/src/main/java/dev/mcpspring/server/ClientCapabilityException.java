package dev.mcpspring.server;

/**
 * Raised when a handler asks the client for something it did not declare it can do, such
 * as sampling without the {@code sampling} capability.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class ClientCapabilityException extends RuntimeException {

	private final String capability;

	/**
	 * Create an exception for a missing capability.
	 * @param capability the capability, such as {@code sampling} or {@code elicitation}
	 */
	public ClientCapabilityException(String capability) {
		super("The client does not support " + capability, null, false, false);
		this.capability = capability;
	}

	/**
	 * Return the missing capability.
	 * @return the capability name
	 */
	public String getCapability() {
		return this.capability;
	}

}
