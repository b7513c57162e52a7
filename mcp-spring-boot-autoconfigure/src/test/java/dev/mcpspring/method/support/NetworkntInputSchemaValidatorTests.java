package dev.mcpspring.method.support;

import java.util.List;

import dev.mcpspring.method.InputSchemaValidator.CompiledSchema;
import dev.mcpspring.server.InvalidArgumentsException.FieldError;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link NetworkntInputSchemaValidator}.
 *
 * @author MCP Spring Boot team
 */
class NetworkntInputSchemaValidatorTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * The schema of the conformance suite's {@code json_schema_2020_12_tool}: $defs,
	 * $ref, anyOf, if/then/else and no additional properties.
	 */
	private static final String CONTACT_SCHEMA = """
			{
			  "$schema": "https://json-schema.org/draft/2020-12/schema",
			  "type": "object",
			  "$defs": {
			    "address": {
			      "type": "object",
			      "properties": { "street": { "type": "string" }, "city": { "type": "string" } }
			    }
			  },
			  "properties": {
			    "name": { "type": "string" },
			    "address": { "$ref": "#/$defs/address" },
			    "contactMethod": { "type": "string", "enum": ["phone", "email"] },
			    "phone": { "type": "string" },
			    "email": { "type": "string" },
			    "tags": { "type": "array", "items": { "type": "string", "maxLength": 3 } },
			    "token": { "type": "string", "pattern": "^tok_[a-z]+$" }
			  },
			  "allOf": [ { "anyOf": [ { "required": ["phone"] }, { "required": ["email"] } ] } ],
			  "if": { "properties": { "contactMethod": { "const": "phone" } } },
			  "then": { "required": ["phone"] },
			  "else": { "required": ["email"] },
			  "additionalProperties": false
			}""";

	private final CompiledSchema schema = new NetworkntInputSchemaValidator().compile(json(CONTACT_SCHEMA));

	@Test
	void validArgumentsHaveNoErrors() {
		assertThat(this.schema.validate(json("""
				{"name": "Ada", "contactMethod": "email", "email": "ada@example.com", "address": {"city": "London"},
				 "tags": ["a"]}"""))).isEmpty();
		assertThat(this.schema.validate(json("""
				{"contactMethod": "phone", "phone": "+44 20"}"""))).isEmpty();
	}

	@Test
	void nestedViolationsNameTheirPath() {
		List<FieldError> errors = this.schema.validate(json("""
				{"phone": "+44 20", "address": {"city": 42}, "tags": ["ok", "toolong"]}"""));
		assertThat(errors).containsExactlyInAnyOrder(new FieldError("address.city", "integer found, string expected"),
				new FieldError("tags[1]", "must be at most 3 characters long"));
	}

	@Test
	void violationsOfTheWholeObject() {
		List<FieldError> errors = this.schema.validate(json("""
				{"name": "Ada", "contactMethod": "phone", "fax": "123"}"""));
		assertThat(errors).extracting(FieldError::path).containsOnly("arguments");
		assertThat(errors).extracting(FieldError::message)
			.contains("property 'fax' is not defined in the schema and the schema does not allow additional properties",
					"required property 'phone' not found");
	}

	@Test
	void messagesDoNotRepeatTheValueSent() {
		List<FieldError> errors = this.schema.validate(json("""
				{"email": "a@b.c", "token": "s3cr3t-VALUE", "contactMethod": "s3cr3t-VALUE"}"""));
		assertThat(errors).extracting(FieldError::path).containsExactlyInAnyOrder("token", "contactMethod");
		assertThat(errors).allSatisfy((error) -> assertThat(error.message()).doesNotContain("s3cr3t"));
	}

	@Test
	void referencesAreNeverFetched() {
		assertThatIllegalArgumentException().isThrownBy(() -> new NetworkntInputSchemaValidator().compile(json("""
				{"type": "object", "properties": {"a": {"$ref": "http://127.0.0.1:9/schema.json"}}}""")));
	}

	@Test
	void invalidSchemaFailsToCompile() {
		assertThatIllegalArgumentException().isThrownBy(() -> new NetworkntInputSchemaValidator().compile(json("""
				{"type": "object", "properties": {"a": {"type": 42}}}""")))
			.withMessageStartingWith("invalid inputSchema: ")
			.withMessageContaining("properties.a.type");
	}

	private static ObjectNode json(String json) {
		return (ObjectNode) JSON.readTree(json);
	}

}
