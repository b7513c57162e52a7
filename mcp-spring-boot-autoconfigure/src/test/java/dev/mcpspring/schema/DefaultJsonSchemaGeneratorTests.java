package dev.mcpspring.schema;

import java.io.InputStream;
import java.io.Reader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonValue;
import com.github.victools.jsonschema.generator.CustomDefinition;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Negative;
import jakarta.validation.constraints.NegativeOrZero;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link DefaultJsonSchemaGenerator}.
 *
 * @author MCP Spring Boot team
 */
class DefaultJsonSchemaGeneratorTests {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private final DefaultJsonSchemaGenerator generator = new DefaultJsonSchemaGenerator();

	@Test
	void primitivesAndWrappers() {
		assertInputSchema(List.of(property("i", int.class), property("boxedInt", Integer.class),
				property("l", long.class), property("boxedLong", Long.class), property("s", short.class),
				property("b", byte.class), property("d", double.class), property("boxedFloat", Float.class),
				property("flag", boolean.class), property("boxedFlag", Boolean.class)), """
						{
							"type": "object",
							"properties": {
								"i": { "type": "integer" },
								"boxedInt": { "type": "integer" },
								"l": { "type": "integer" },
								"boxedLong": { "type": "integer" },
								"s": { "type": "integer" },
								"b": { "type": "integer" },
								"d": { "type": "number" },
								"boxedFloat": { "type": "number" },
								"flag": { "type": "boolean" },
								"boxedFlag": { "type": "boolean" }
							}
						}
						""");
	}

	@Test
	void stringLikeTypes() {
		assertInputSchema(List.of(property("text", String.class), property("c", char.class),
				property("boxedChar", Character.class), property("id", UUID.class), property("link", URI.class),
				property("bytes", byte[].class)), """
						{
							"type": "object",
							"properties": {
								"text": { "type": "string" },
								"c": { "type": "string" },
								"boxedChar": { "type": "string" },
								"id": { "type": "string", "format": "uuid" },
								"link": { "type": "string", "format": "uri" },
								"bytes": { "type": "string", "contentEncoding": "base64" }
							}
						}
						""");
	}

	@Test
	void enumsUseTheValuesJacksonWrites() {
		assertInputSchema(List.of(property("color", Color.class), property("level", Level.class),
				property("size", ShirtSize.class), property("priority", Priority.class)), """
						{
							"type": "object",
							"properties": {
								"color": { "type": "string", "enum": ["RED", "GREEN", "BLUE"] },
								"level": { "type": "string", "enum": ["low", "high"] },
								"size": { "type": "string", "enum": ["s", "m"] },
								"priority": { "type": "integer", "enum": [1, 2] }
							}
						}
						""");
	}

	@Test
	void recordComponentsBecomePropertiesInDeclarationOrder() {
		assertOutputSchema(Book.class, false, """
				{
					"type": "object",
					"description": "A book in the catalog",
					"properties": {
						"title": { "type": "string", "description": "The title", "minLength": 1 },
						"author_name": { "type": "string" },
						"pages": { "type": "integer" },
						"genre": { "type": "string", "enum": ["RED", "GREEN", "BLUE"] },
						"published": { "type": "string", "format": "date" }
					},
					"required": ["title", "author_name", "pages"]
				}
				""");
		assertThat(this.generator.generateOutputSchema(Book.class).schema().get("properties").propertyNames())
			.containsExactly("title", "author_name", "pages", "genre", "published");
	}

	@Test
	void pojoPropertiesFollowJacksonVisibility() {
		assertOutputSchema(Customer.class, false, """
				{
					"type": "object",
					"properties": {
						"name": { "type": "string" },
						"age": { "type": "integer" }
					},
					"required": ["age"]
				}
				""");
	}

	@Test
	void collectionsArraysAndSets() {
		assertInputSchema(List.of(property("list", new TypeRef<List<String>>() {
		}.type()), property("collection", new TypeRef<Collection<Long>>() {
		}.type()), property("set", new TypeRef<Set<Color>>() {
		}.type()), property("array", String[].class), property("ints", int[].class),
				property("nested", new TypeRef<List<List<Double>>>() {
				}.type())),
				"""
						{
							"type": "object",
							"properties": {
								"list": { "type": "array", "items": { "type": "string" } },
								"collection": { "type": "array", "items": { "type": "integer" } },
								"set": {
									"type": "array",
									"items": { "type": "string", "enum": ["RED", "GREEN", "BLUE"] },
									"uniqueItems": true
								},
								"array": { "type": "array", "items": { "type": "string" } },
								"ints": { "type": "array", "items": { "type": "integer" } },
								"nested": { "type": "array", "items": { "type": "array", "items": { "type": "number" } } }
							}
						}
						""");
	}

	@Test
	void mapsUseAdditionalProperties() {
		assertInputSchema(List.of(property("counts", new TypeRef<Map<String, Integer>>() {
		}.type()), property("dates", new TypeRef<Map<String, List<LocalDate>>>() {
		}.type()), property("anything", new TypeRef<Map<String, Object>>() {
		}.type())), """
				{
					"type": "object",
					"properties": {
						"counts": { "type": "object", "additionalProperties": { "type": "integer" } },
						"dates": {
							"type": "object",
							"additionalProperties": { "type": "array", "items": { "type": "string", "format": "date" } }
						},
						"anything": { "type": "object" }
					}
				}
				""");
	}

	@Test
	void optionalIsUnwrappedEverywhere() {
		assertOutputSchema(WithOptionals.class, false, """
				{
					"type": "object",
					"properties": {
						"nickname": { "type": "string", "maxLength": 10 },
						"tags": { "type": "array", "items": { "type": "string" } },
						"aliases": { "type": "array", "items": { "type": "string" } }
					}
				}
				""");
		assertOutputSchema(new TypeRef<Optional<Customer>>() {
		}.type(), false, """
				{
					"type": "object",
					"properties": {
						"name": { "type": "string" },
						"age": { "type": "integer" }
					},
					"required": ["age"]
				}
				""");
		assertOutputSchema(new TypeRef<List<Optional<Integer>>>() {
		}.type(), true, """
				{
					"type": "object",
					"properties": {
						"result": { "type": "array", "items": { "type": "integer" } }
					},
					"required": ["result"]
				}
				""");
	}

	@Test
	void javaTimeTypesAreFormattedStrings() {
		assertOutputSchema(Times.class, false, """
				{
					"type": "object",
					"properties": {
						"date": { "type": "string", "format": "date" },
						"dateTime": { "type": "string", "format": "date-time" },
						"offsetDateTime": { "type": "string", "format": "date-time" },
						"instant": { "type": "string", "format": "date-time" },
						"zonedDateTime": { "type": "string", "format": "date-time" },
						"time": { "type": "string", "format": "time" },
						"offsetTime": { "type": "string", "format": "time" },
						"duration": { "type": "string", "format": "duration" }
					}
				}
				""");
	}

	@Test
	void bigNumbers() {
		assertInputSchema(List.of(property("amount", BigDecimal.class), property("count", BigInteger.class)), """
				{
					"type": "object",
					"properties": {
						"amount": { "type": "number" },
						"count": { "type": "integer" }
					}
				}
				""");
	}

	@Test
	void nestedTypesUsedOnceAreInlined() {
		assertOutputSchema(Order.class, false, """
				{
					"type": "object",
					"properties": {
						"customer": {
							"type": "object",
							"properties": {
								"name": { "type": "string" },
								"age": { "type": "integer" }
							},
							"required": ["age"]
						},
						"total": { "type": "number" }
					}
				}
				""");
	}

	@Test
	void typesSharedByArgumentsAreDefinedOnce() {
		assertInputSchema(List.of(property("from", Address.class), property("to", Address.class)), """
				{
					"type": "object",
					"properties": {
						"from": { "$ref": "#/$defs/Address" },
						"to": { "$ref": "#/$defs/Address" }
					},
					"$defs": {
						"Address": {
							"type": "object",
							"properties": {
								"street": { "type": "string" },
								"city": { "type": "string" }
							}
						}
					}
				}
				""");
	}

	@Test
	void recursiveTypeUsesDefinitions() {
		String treeNode = """
				{
					"type": "object",
					"properties": {
						"name": { "type": "string" },
						"children": { "type": "array", "items": { "$ref": "#/$defs/TreeNode" } }
					}
				}
				""";
		assertInputSchema(List.of(property("tree", TreeNode.class)), """
				{
					"type": "object",
					"properties": {
						"tree": { "$ref": "#/$defs/TreeNode" }
					},
					"$defs": { "TreeNode": %s }
				}
				""".formatted(treeNode));
		assertOutputSchema(TreeNode.class, false, """
				{
					"type": "object",
					"properties": {
						"name": { "type": "string" },
						"children": { "type": "array", "items": { "$ref": "#/$defs/TreeNode" } }
					},
					"$defs": { "TreeNode": %s }
				}
				""".formatted(treeNode));
		assertOutputSchema(new TypeRef<List<TreeNode>>() {
		}.type(), true, """
				{
					"type": "object",
					"properties": {
						"result": { "type": "array", "items": { "$ref": "#/$defs/TreeNode" } }
					},
					"required": ["result"],
					"$defs": { "TreeNode": %s }
				}
				""".formatted(treeNode));
	}

	@Test
	void genericTypesAreResolved() {
		assertOutputSchema(new TypeRef<Page<Address>>() {
		}.type(), false, """
				{
					"type": "object",
					"properties": {
						"items": {
							"type": "array",
							"items": {
								"type": "object",
								"properties": {
									"street": { "type": "string" },
									"city": { "type": "string" }
								}
							}
						},
						"total": { "type": "integer" }
					},
					"required": ["total"]
				}
				""");
		assertInputSchema(List.of(property("first", new TypeRef<Page<String>>() {
		}.type()), property("second", new TypeRef<Page<String>>() {
		}.type())), """
				{
					"type": "object",
					"properties": {
						"first": { "$ref": "#/$defs/Page_String_" },
						"second": { "$ref": "#/$defs/Page_String_" }
					},
					"$defs": {
						"Page_String_": {
							"type": "object",
							"properties": {
								"items": { "type": "array", "items": { "type": "string" } },
								"total": { "type": "integer" }
							},
							"required": ["total"]
						}
					}
				}
				""");
	}

	@Test
	void jakartaConstraintsOnRecordComponents() {
		assertOutputSchema(Constrained.class, false,
				"""
						{
							"type": "object",
							"properties": {
								"min": { "type": "integer", "minimum": 1, "maximum": 10 },
								"decimal": { "type": "number", "exclusiveMinimum": 0.5, "maximum": 9.5 },
								"decimalExclusiveMax": { "type": "number", "minimum": 1.5, "exclusiveMaximum": 2.5 },
								"positive": { "type": "integer", "exclusiveMinimum": 0 },
								"positiveOrZero": { "type": "integer", "minimum": 0 },
								"negative": { "type": "integer", "exclusiveMaximum": 0 },
								"negativeOrZero": { "type": "number", "maximum": 0 },
								"code": { "type": "string", "minLength": 2, "maxLength": 5 },
								"slug": { "type": "string", "pattern": "^[a-z]+$" },
								"email": { "type": "string", "format": "email" },
								"name": { "type": "string", "minLength": 1 },
								"items": { "type": "array", "items": { "type": "integer" }, "minItems": 1 },
								"tags": { "type": "array", "items": { "type": "string" }, "minItems": 1, "maxItems": 3 },
								"id": { "type": "integer" }
							},
							"required": ["min", "decimalExclusiveMax", "positive", "positiveOrZero", "negative", "negativeOrZero", "name", "items", "id"]
						}
						""");
	}

	@Test
	void jakartaConstraintsOnMethodParameters() {
		assertInputSchema(parameters("constrained"), """
				{
					"type": "object",
					"properties": {
						"min": { "type": "integer", "minimum": 1, "maximum": 10 },
						"decimal": { "type": "number", "exclusiveMinimum": 0.5, "maximum": 9.5 },
						"decimalExclusiveMax": { "type": "number", "minimum": 1.5, "exclusiveMaximum": 2.5 },
						"positive": { "type": "integer", "exclusiveMinimum": 0 },
						"positiveOrZero": { "type": "integer", "minimum": 0 },
						"negative": { "type": "integer", "exclusiveMaximum": 0 },
						"negativeOrZero": { "type": "number", "maximum": 0 },
						"code": { "type": "string", "minLength": 2, "maxLength": 5 },
						"slug": { "type": "string", "pattern": "^[a-z]+$" },
						"email": { "type": "string", "format": "email" },
						"name": { "type": "string", "minLength": 1 },
						"items": { "type": "array", "items": { "type": "integer" }, "minItems": 1 },
						"tags": { "type": "array", "items": { "type": "string" }, "minItems": 1, "maxItems": 3 },
						"id": { "type": "integer" }
					},
					"required": ["name", "items", "id"]
				}
				""");
	}

	@Test
	void sizeConstraintsOnMethodParametersFollowTheType() {
		assertInputSchema(parameters("sized"),
				"""
						{
							"type": "object",
							"properties": {
								"array": { "type": "array", "items": { "type": "string" }, "maxItems": 4 },
								"map": {
									"type": "object",
									"additionalProperties": { "type": "string" },
									"minProperties": 1,
									"maxProperties": 2
								},
								"notEmptyText": { "type": "string", "minLength": 1 },
								"notEmptyMap": { "type": "object", "additionalProperties": { "type": "integer" }, "minProperties": 1 },
								"customEmail": { "type": "string", "format": "email", "pattern": "^(?:.+@example\\\\.com)$" },
								"ignoredSize": { "type": "integer" }
							},
							"required": ["notEmptyText", "notEmptyMap"]
						}
						""");
	}

	@Test // gh-19
	void jakartaConstraintsOnContainerElementsOfMethodParameters() {
		assertInputSchema(parameters("elements"), """
				{
					"type": "object",
					"properties": {
						"tags": { "type": "array", "items": { "type": "string", "pattern": "^(?:[a-z]+)$" } },
						"counts": { "type": "object", "additionalProperties": { "type": "integer", "minimum": 1 } },
						"names": { "type": "array", "maxItems": 3,
							"items": { "type": "array", "items": { "type": "string", "maxLength": 5 } } },
						"codes": { "type": "array", "items": { "type": "string", "minLength": 1 } },
						"nickname": { "type": "string", "maxLength": 10 }
					}
				}
				""");
	}

	@Test // gh-19
	void jakartaConstraintsOnContainerElementsOfRecordComponents() {
		assertInputSchema(List.of(property("tagged", Tagged.class)),
				"""
						{
							"type": "object",
							"properties": {
								"tagged": {
									"type": "object",
									"properties": {
										"tags": { "type": "array", "items": { "type": "string", "pattern": "^(?:[a-z]+)$" } },
										"counts": { "type": "object", "additionalProperties": { "type": "integer", "minimum": 1 } }
									}
								}
							}
						}
						""");
	}

	@Test
	void descriptionDefaultAndRequired() {
		SchemaProperty query = new SchemaProperty("query", String.class, new Annotation[0], "What to search for", true,
				null);
		SchemaProperty limit = new SchemaProperty("limit", int.class, new Annotation[0], "Maximum results", false,
				JsonNodeFactory.instance.numberNode(10));
		SchemaProperty tree = new SchemaProperty("tree", TreeNode.class, parameter("annotatedTree").annotations(),
				"The tree", false, null);
		assertInputSchema(List.of(query, limit, tree), """
				{
					"type": "object",
					"properties": {
						"query": { "type": "string", "description": "What to search for" },
						"limit": { "type": "integer", "description": "Maximum results", "default": 10 },
						"tree": { "$ref": "#/$defs/TreeNode", "description": "The tree" }
					},
					"required": ["query", "tree"],
					"$defs": {
						"TreeNode": {
							"type": "object",
							"properties": {
								"name": { "type": "string" },
								"children": { "type": "array", "items": { "$ref": "#/$defs/TreeNode" } }
							}
						}
					}
				}
				""");
	}

	@Test
	void argumentsKeepDeclarationOrder() {
		List<SchemaProperty> properties = List.of(property("zeta", String.class), property("alpha", int.class),
				property("mid", Color.class));
		assertThat(this.generator.generateInputSchema(properties).get("properties").propertyNames())
			.containsExactly("zeta", "alpha", "mid");
	}

	@Test
	void requiredIsOmittedWhenNoArgumentIsRequired() {
		assertInputSchema(List.of(property("optional", String.class)), """
				{ "type": "object", "properties": { "optional": { "type": "string" } } }
				""");
	}

	@Test
	void noArgumentsGiveAnEmptyObject() {
		assertInputSchema(List.of(), """
				{ "type": "object", "properties": {} }
				""");
	}

	@Test
	void objectLikeOutputsAreNotWrapped() {
		assertThat(this.generator.generateOutputSchema(Book.class).wrapped()).isFalse();
		assertThat(this.generator.generateOutputSchema(Customer.class).wrapped()).isFalse();
		assertOutputSchema(new TypeRef<Map<String, Integer>>() {
		}.type(), false, """
				{ "type": "object", "additionalProperties": { "type": "integer" } }
				""");
	}

	@Test
	void otherOutputsAreWrappedAsResult() {
		assertWrappedOutput(String.class, """
				{ "type": "string" }
				""");
		assertWrappedOutput(int.class, """
				{ "type": "integer" }
				""");
		assertWrappedOutput(Double.class, """
				{ "type": "number" }
				""");
		assertWrappedOutput(boolean.class, """
				{ "type": "boolean" }
				""");
		assertWrappedOutput(Level.class, """
				{ "type": "string", "enum": ["low", "high"] }
				""");
		assertWrappedOutput(Instant.class, """
				{ "type": "string", "format": "date-time" }
				""");
		assertWrappedOutput(Address[].class, """
				{
					"type": "array",
					"items": {
						"type": "object",
						"properties": { "street": { "type": "string" }, "city": { "type": "string" } }
					}
				}
				""");
		assertWrappedOutput(new TypeRef<Set<String>>() {
		}.type(), """
				{ "type": "array", "items": { "type": "string" }, "uniqueItems": true }
				""");
	}

	@Test
	void unsupportedTypesAreRejected() {
		assertUnsupported(Object.class, "java.lang.Object has no fixed JSON structure");
		assertUnsupported(List.class, "output of type java.util.List: java.lang.Object has no fixed JSON structure");
		assertUnsupported(Page.class.getTypeParameters()[0], "type variable 'T' is not resolved");
		assertUnsupported(new TypeRef<List<?>>() {
		}.type(), "java.lang.Object has no fixed JSON structure");
		assertUnsupported(InputStream.class, "java.io.InputStream is a byte or character stream");
		assertUnsupported(Reader.class, "java.io.Reader is a byte or character stream");
		assertUnsupported(new TypeRef<Stream<String>>() {
		}.type(), "java.util.stream.Stream<java.lang.String> is consumed lazily");
		assertUnsupported(new TypeRef<Mono<String>>() {
		}.type(), "reactor.core.publisher.Mono<java.lang.String> is asynchronous");
		assertUnsupported(new TypeRef<Flux<String>>() {
		}.type(), "reactor.core.publisher.Flux<java.lang.String> is asynchronous");
		assertUnsupported(new TypeRef<Future<String>>() {
		}.type(), "java.util.concurrent.Future<java.lang.String> is asynchronous");
		assertUnsupported(new TypeRef<CompletableFuture<String>>() {
		}.type(), "java.util.concurrent.CompletableFuture<java.lang.String> is asynchronous");
		assertUnsupported(new TypeRef<CompletionStage<String>>() {
		}.type(), "java.util.concurrent.CompletionStage<java.lang.String> is asynchronous");
		assertUnsupported(new TypeRef<Function<String, String>>() {
		}.type(), "is a functional interface");
		assertUnsupported(new TypeRef<Supplier<String>>() {
		}.type(), "is a functional interface");
		assertUnsupported(Runnable.class, "java.lang.Runnable is a functional interface");
		assertUnsupported(new TypeRef<Class<String>>() {
		}.type(), "java.lang.Class<java.lang.String> is not a data type");
		assertUnsupported(Thread.class, "java.lang.Thread is not a data type");
	}

	@Test
	void unsupportedNestedTypesNameTheArgument() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.generator.generateInputSchema(List.of(property("holder", Holder.class))))
			.withMessage("Cannot generate JSON schema for argument 'holder' of type " + Holder.class.getTypeName()
					+ ": java.lang.Object has no fixed JSON structure "
					+ "(also the result of raw or unresolved generic types); declare a concrete type");
		assertThatIllegalArgumentException().isThrownBy(
				() -> this.generator.generateInputSchema(List.of(property("in", new TypeRef<List<InputStream>>() {
				}.type()))))
			.withMessageContaining("argument 'in'")
			.withMessageContaining("java.io.InputStream is a byte or character stream");
	}

	@Test
	void customizersAdaptTheConfiguration() {
		DefaultJsonSchemaGenerator customized = new DefaultJsonSchemaGenerator(
				List.of((builder) -> builder.forTypesInGeneral()
					.withCustomDefinitionProvider((type, context) -> (type.getErasedType() == Object.class)
							? new CustomDefinition(context.getGeneratorConfig().createObjectNode()) : null)));
		assertThat(normalize(customized.generateOutputSchema(Holder.class).schema())).isEqualTo(mapper.readTree("""
				{ "type": "object", "properties": { "value": {} } }
				"""));
	}

	@Test
	void concurrentGenerationGivesTheSameSchemas() throws Exception {
		JsonNode expected = normalize(this.generator.generateOutputSchema(Constrained.class).schema());
		ExecutorService executor = Executors.newFixedThreadPool(8);
		try {
			List<Future<JsonNode>> results = executor.invokeAll(java.util.Collections.nCopies(64,
					() -> normalize(this.generator.generateOutputSchema(Constrained.class).schema())));
			for (Future<JsonNode> result : results) {
				assertThat(result.get()).isEqualTo(expected);
			}
		}
		finally {
			executor.shutdown();
		}
	}

	private void assertInputSchema(List<SchemaProperty> properties, String expected) {
		assertThat(normalize(this.generator.generateInputSchema(properties))).isEqualTo(mapper.readTree(expected));
	}

	private void assertOutputSchema(Type type, boolean wrapped, String expected) {
		OutputSchema output = this.generator.generateOutputSchema(type);
		assertThat(normalize(output.schema())).isEqualTo(mapper.readTree(expected));
		assertThat(output.wrapped()).isEqualTo(wrapped);
	}

	private void assertWrappedOutput(Type type, String expectedResult) {
		assertOutputSchema(type, true, """
				{ "type": "object", "properties": { "result": %s }, "required": ["result"] }
				""".formatted(expectedResult));
	}

	private void assertUnsupported(Type type, String message) {
		assertThatIllegalArgumentException().isThrownBy(() -> this.generator.generateOutputSchema(type))
			.withMessageStartingWith("Cannot generate JSON schema for output of type " + type.getTypeName())
			.withMessageContaining(message);
	}

	/**
	 * Serialize and re-read, so that numbers compare by value rather than by node class
	 * (victools writes constraint bounds as {@code BigDecimal}).
	 */
	private static JsonNode normalize(JsonNode node) {
		return mapper.readTree(mapper.writeValueAsString(node));
	}

	private static SchemaProperty property(String name, Type type) {
		return new SchemaProperty(name, type, new Annotation[0], null, false, null);
	}

	private static List<SchemaProperty> parameters(String methodName) {
		Method method = Arrays.stream(Tools.class.getDeclaredMethods())
			.filter((candidate) -> candidate.getName().equals(methodName))
			.findFirst()
			.orElseThrow();
		return Arrays.stream(method.getParameters())
			.map((parameter) -> new SchemaProperty(parameter.getName(), parameter.getParameterizedType(),
					parameter.getAnnotations(), null, false, null, parameter.getAnnotatedType()))
			.toList();
	}

	private static SchemaProperty parameter(String methodName) {
		return parameters(methodName).get(0);
	}

	abstract static class TypeRef<T> {

		Type type() {
			return ((ParameterizedType) getClass().getGenericSuperclass()).getActualTypeArguments()[0];
		}

	}

	enum Color {

		RED, GREEN, BLUE

	}

	enum Level {

		LOW("low"), HIGH("high");

		private final String value;

		Level(String value) {
			this.value = value;
		}

		@JsonValue
		String value() {
			return this.value;
		}

	}

	enum ShirtSize {

		@JsonProperty("s")
		SMALL, @JsonProperty("m")
		MEDIUM

	}

	enum Priority {

		NORMAL(1), URGENT(2);

		private final int code;

		Priority(int code) {
			this.code = code;
		}

		@JsonValue
		int code() {
			return this.code;
		}

	}

	@JsonClassDescription("A book in the catalog")
	record Book(@JsonPropertyDescription("The title") @NotBlank String title,
			@JsonProperty(value = "author_name", required = true) String author, int pages, Color genre,
			LocalDate published) {

	}

	static class Customer {

		private String name;

		private int age;

		private String secret;

		@JsonIgnore
		private String internal;

		public String getName() {
			return this.name;
		}

		public int getAge() {
			return this.age;
		}

		public String getInternal() {
			return this.internal;
		}

	}

	record WithOptionals(Optional<@Size(max = 10) String> nickname, Optional<List<String>> tags,
			List<Optional<String>> aliases) {

	}

	record Times(LocalDate date, LocalDateTime dateTime, OffsetDateTime offsetDateTime, Instant instant,
			ZonedDateTime zonedDateTime, LocalTime time, OffsetTime offsetTime, Duration duration) {

	}

	record Order(Customer customer, BigDecimal total) {

	}

	record Address(String street, String city) {

	}

	record TreeNode(String name, List<TreeNode> children) {

	}

	record Page<T>(List<T> items, long total) {

	}

	record Tagged(List<@Pattern(regexp = "[a-z]+") String> tags, Map<String, @Min(1) Integer> counts) {

	}

	record Holder(Object value) {

	}

	record Constrained(@Min(1) @Max(10) int min,
			@DecimalMin(value = "0.5", inclusive = false) @DecimalMax("9.5") BigDecimal decimal,
			@DecimalMin("1.5") @DecimalMax(value = "2.5", inclusive = false) double decimalExclusiveMax,
			@Positive int positive, @PositiveOrZero long positiveOrZero, @Negative int negative,
			@NegativeOrZero double negativeOrZero, @Size(min = 2, max = 5) String code,
			@Pattern(regexp = "^[a-z]+$") String slug, @Email String email, @NotBlank String name,
			@NotEmpty List<Integer> items, @Size(min = 1, max = 3) List<String> tags, @NotNull Long id) {

	}

	interface Tools {

		void constrained(@Min(1) @Max(10) int min,
				@DecimalMin(value = "0.5", inclusive = false) @DecimalMax("9.5") BigDecimal decimal,
				@DecimalMin("1.5") @DecimalMax(value = "2.5", inclusive = false) double decimalExclusiveMax,
				@Positive int positive, @PositiveOrZero long positiveOrZero, @Negative int negative,
				@NegativeOrZero double negativeOrZero, @Size(min = 2, max = 5) String code,
				@Pattern(regexp = "^[a-z]+$") String slug, @Email String email, @NotBlank String name,
				@NotEmpty List<Integer> items, @Size(min = 1, max = 3) List<String> tags, @NotNull Long id);

		void sized(@Size(max = 4) String[] array, @Size(min = 1, max = 2) Map<String, String> map,
				@NotEmpty String notEmptyText, @NotEmpty Map<String, Integer> notEmptyMap,
				@Email(regexp = ".+@example\\.com") String customEmail, @Size(max = 3) int ignoredSize);

		void annotatedTree(@NotNull TreeNode tree);

		void elements(List<@Pattern(regexp = "[a-z]+") String> tags, Map<String, @Min(1) Integer> counts,
				@Size(max = 3) List<List<@Size(max = 5) String>> names, List<@NotBlank String> codes,
				Optional<@Size(max = 10) String> nickname);

	}

}
