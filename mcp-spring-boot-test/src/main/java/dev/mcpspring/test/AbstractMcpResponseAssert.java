package dev.mcpspring.test;

import org.assertj.core.api.AbstractAssert;
import tools.jackson.databind.JsonNode;

/**
 * Assertions on a JSON-RPC response of the server.
 *
 * @param <SELF> the type of the assertions
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public abstract class AbstractMcpResponseAssert<SELF extends AbstractMcpResponseAssert<SELF>>
		extends AbstractAssert<SELF, JsonNode> {

	protected AbstractMcpResponseAssert(JsonNode response, Class<?> selfType) {
		super(response, selfType);
	}

	/**
	 * Verify that the response has a result, not an error.
	 * @return this
	 */
	public SELF isSuccess() {
		hasNoError();
		return this.myself;
	}

	/**
	 * Verify that the response is a JSON-RPC error with this code.
	 * @param code the expected error code, such as {@code -32602}
	 * @return this
	 */
	public SELF hasErrorCode(int code) {
		isNotNull();
		JsonNode error = this.actual.get("error");
		if (error == null) {
			failWithMessage("Expected the error code <%s> but the server answered with the result <%s>", code,
					this.actual.get("result"));
		}
		else if (error.path("code").asInt() != code) {
			failWithMessage("Expected the error code <%s> but was <%s>", code, error);
		}
		return this.myself;
	}

	/**
	 * Verify that the response is a JSON-RPC error whose message contains a text.
	 * @param text the expected part of the message
	 * @return this
	 */
	public SELF hasErrorMessageContaining(String text) {
		isNotNull();
		String message = this.actual.path("error").path("message").asString("");
		if (!message.contains(text)) {
			failWithMessage("Expected an error message containing <%s> but the response was <%s>", text, this.actual);
		}
		return this.myself;
	}

	/**
	 * Verify that the value at a JSON pointer of the result, written as text, is the
	 * expected one.
	 * @param pointer a JSON pointer into the result, such as {@code /tools/0/name}
	 * @param expected the expected value
	 * @return this
	 */
	public SELF hasResultAt(String pointer, String expected) {
		JsonNode value = result().at(pointer);
		String text = value.isValueNode() ? value.asString() : value.toString();
		if (value.isMissingNode() || !expected.equals(text)) {
			failWithMessage("Expected <%s> at <%s> of the result but was <%s>", expected, pointer, value);
		}
		return this.myself;
	}

	/**
	 * Verify that the whole response, written as JSON, does not contain a text: for
	 * secrets that must not reach a client.
	 * @param text the text that must not appear
	 * @return this
	 */
	public SELF doesNotReveal(String text) {
		isNotNull();
		if (this.actual.toString().contains(text)) {
			failWithMessage("Expected the response not to contain <%s> but was <%s>", text, this.actual);
		}
		return this.myself;
	}

	/**
	 * Return the result, failing if the response is an error.
	 * @return the {@code result} object
	 */
	public JsonNode result() {
		hasNoError();
		return this.actual.path("result");
	}

	private void hasNoError() {
		isNotNull();
		if (this.actual.has("error")) {
			failWithMessage("Expected a result but the server answered with the error <%s>", this.actual.get("error"));
		}
	}

	/**
	 * Return the whole response.
	 * @return the JSON-RPC response
	 */
	public JsonNode response() {
		return this.actual;
	}

}
