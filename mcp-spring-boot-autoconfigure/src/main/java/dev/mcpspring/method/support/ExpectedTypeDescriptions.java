package dev.mcpspring.method.support;

import java.math.BigInteger;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.ClassUtils;

/**
 * Describes the JSON value a Java type binds from, for binding error messages such as
 * {@code must be a UUID string}, in the terms of the input schema: enums by the values
 * Jackson reads ({@code @JsonValue}, {@code @JsonProperty}), and the scalars written as
 * strings by their format.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
final class ExpectedTypeDescriptions {

	private static final Map<Class<?>, String> STRING_FORMATS = Map.ofEntries(Map.entry(UUID.class, "a UUID string"),
			Map.entry(URI.class, "a URI string"), Map.entry(URL.class, "a URI string"),
			Map.entry(LocalDate.class, "a date string in ISO 8601 format (yyyy-mm-dd)"),
			Map.entry(LocalDateTime.class, "a date-time string in ISO 8601 format"),
			Map.entry(OffsetDateTime.class, "a date-time string in ISO 8601 format"),
			Map.entry(ZonedDateTime.class, "a date-time string in ISO 8601 format"),
			Map.entry(Instant.class, "a date-time string in ISO 8601 format"),
			Map.entry(LocalTime.class, "a time string in ISO 8601 format"),
			Map.entry(OffsetTime.class, "a time string in ISO 8601 format"),
			Map.entry(Duration.class, "a duration string in ISO 8601 format (such as PT15M)"),
			Map.entry(Period.class, "a duration string in ISO 8601 format (such as P3D)"),
			Map.entry(TimeZone.class, "a time-zone ID string (such as Europe/Paris)"),
			Map.entry(Locale.class, "a locale string (such as en-GB)"),
			Map.entry(Currency.class, "an ISO 4217 currency code string"));

	private final JsonMapper jsonMapper;

	private final Map<Class<?>, String> enumDescriptions = new ConcurrentHashMap<>();

	/**
	 * Create descriptions.
	 * @param jsonMapper the mapper that binds the values, whose enum names are reported
	 */
	ExpectedTypeDescriptions(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Describe the JSON value expected for a type.
	 * @param type the type Jackson failed to bind, or {@code null} if unknown
	 * @return a phrase such as {@code an integer} or {@code one of [a, b]}
	 */
	String describe(@Nullable Class<?> type) {
		if (type == null) {
			return "of the declared type";
		}
		Class<?> boxed = ClassUtils.resolvePrimitiveIfNecessary(type);
		if (boxed == Boolean.class) {
			return "a boolean";
		}
		if (boxed == Integer.class || boxed == Long.class || boxed == Short.class || boxed == Byte.class
				|| boxed == BigInteger.class) {
			return "an integer";
		}
		if (Number.class.isAssignableFrom(boxed)) {
			return "a number";
		}
		if (boxed.isEnum()) {
			return this.enumDescriptions.computeIfAbsent(boxed, this::describeEnum);
		}
		if (boxed == String.class || boxed == Character.class) {
			return "a string";
		}
		if (boxed.isArray() || Collection.class.isAssignableFrom(boxed)) {
			return "an array";
		}
		String format = STRING_FORMATS.get(boxed);
		if (format != null) {
			return format;
		}
		return ZoneId.class.isAssignableFrom(boxed) ? STRING_FORMATS.get(TimeZone.class) : "an object";
	}

	private String describeEnum(Class<?> type) {
		List<String> values = new ArrayList<>();
		for (Object constant : type.getEnumConstants()) {
			values.add(this.jsonMapper.valueToTree(constant).asString(String.valueOf(constant)));
		}
		return "one of " + values;
	}

}
