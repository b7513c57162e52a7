package dev.mcpspring.method.support;

import java.beans.PropertyDescriptor;
import java.lang.reflect.AnnotatedArrayType;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.mcpspring.server.InvalidArgumentsException.FieldError;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeanUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Validates the records and beans nested in an argument, inside collections, arrays, maps
 * and {@code Optional}s, as if every level were marked {@link Valid}: the input schema
 * advertises their constraints, so they must hold. Levels that Jakarta Validation already
 * cascades into, because of a {@code @Valid}, are not validated twice.
 * <p>
 * What to visit is worked out once per parameter type, so a call only reads the values
 * along the way and validates each nested object.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
final class ValidationCascade {

	private static final ValidationCascade NONE = new ValidationCascade(null);

	private final @Nullable Step root;

	private ValidationCascade(@Nullable Step root) {
		this.root = root;
	}

	/**
	 * Work out what to validate inside values of a type.
	 * @param type the parameter type with its annotations
	 * @param cascaded whether Jakarta Validation already validates the value itself
	 * ({@code @Valid} on the parameter)
	 * @return the cascade
	 */
	static ValidationCascade of(AnnotatedType type, boolean cascaded) {
		Step root = new Planner().plan(type, cascaded);
		return (root != null) ? new ValidationCascade(root) : NONE;
	}

	/**
	 * Validate the objects nested in a value.
	 * @param validator the validator
	 * @param value the argument value, possibly {@code null}
	 * @param path the argument name
	 * @param errors where violations are added
	 */
	void validate(Validator validator, @Nullable Object value, String path, List<FieldError> errors) {
		if (this.root != null && value != null) {
			this.root.visit(validator, value, path, errors);
		}
	}

	/**
	 * One level of the values to visit.
	 */
	private interface Step {

		void visit(Validator validator, Object value, String path, List<FieldError> errors);

	}

	/**
	 * The elements of a collection, array or map, or the value of an {@code Optional}.
	 */
	private record ElementsStep(Step element) implements Step {

		@Override
		public void visit(Validator validator, Object value, String path, List<FieldError> errors) {
			if (value instanceof Optional<?> optional) {
				optional.ifPresent((present) -> this.element.visit(validator, present, path, errors));
			}
			else if (value instanceof Map<?, ?> map) {
				map.forEach((key, element) -> visitElement(validator, element, path + "[" + key + "]", errors));
			}
			else if (value instanceof Iterable<?> iterable) {
				int index = 0;
				for (Object element : iterable) {
					visitElement(validator, element, path + "[" + index++ + "]", errors);
				}
			}
			else if (value instanceof Object[] array) {
				for (int i = 0; i < array.length; i++) {
					visitElement(validator, array[i], path + "[" + i + "]", errors);
				}
			}
		}

		private void visitElement(Validator validator, @Nullable Object element, String path, List<FieldError> errors) {
			if (element != null) {
				this.element.visit(validator, element, path, errors);
			}
		}

	}

	/**
	 * A record or bean: validated itself unless Jakarta Validation cascades into it, then
	 * its properties that hold more to visit.
	 */
	private static final class BeanStep implements Step {

		private final boolean validateSelf;

		private final List<PropertyStep> properties = new ArrayList<>();

		BeanStep(boolean validateSelf) {
			this.validateSelf = validateSelf;
		}

		@Override
		public void visit(Validator validator, Object value, String path, List<FieldError> errors) {
			if (this.validateSelf) {
				for (ConstraintViolation<Object> violation : validator.validate(value)) {
					errors
						.add(new FieldError(JakartaArgumentValidator.path(path, violation.getPropertyPath().iterator()),
								violation.getMessage()));
				}
			}
			for (PropertyStep property : this.properties) {
				Object propertyValue = ReflectionUtils.invokeMethod(property.getter(), value);
				if (propertyValue != null) {
					property.step().visit(validator, propertyValue, path + "." + property.name(), errors);
				}
			}
		}

	}

	private record PropertyStep(String name, Method getter, Step step) {

	}

	/**
	 * Builds the steps of a type, sharing those of recursive types.
	 */
	private static final class Planner {

		private final Map<String, BeanStep> beans = new HashMap<>();

		@Nullable Step plan(AnnotatedType annotatedType, boolean cascaded) {
			boolean valid = cascaded || annotatedType.isAnnotationPresent(Valid.class);
			if (annotatedType instanceof AnnotatedArrayType array) {
				Step element = plan(array.getAnnotatedGenericComponentType(), valid);
				return (element != null) ? new ElementsStep(element) : null;
			}
			Type type = annotatedType.getType();
			Class<?> raw = (type instanceof ParameterizedType parameterized
					&& parameterized.getRawType() instanceof Class<?> rawClass) ? rawClass
							: (type instanceof Class<?> plain) ? plain : null;
			if (raw == null) {
				return null;
			}
			if (raw == Optional.class || Iterable.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw)) {
				if (!(annotatedType instanceof AnnotatedParameterizedType parameterized)) {
					return null;
				}
				AnnotatedType[] arguments = parameterized.getAnnotatedActualTypeArguments();
				Step element = plan(arguments[arguments.length - 1], valid);
				return (element != null) ? new ElementsStep(element) : null;
			}
			return isBean(raw) ? planBean(raw, valid) : null;
		}

		/**
		 * Plan a bean, or return {@code null} if there is nothing to do in it: Jakarta
		 * Validation cascades into it and none of its properties holds more.
		 */
		private @Nullable Step planBean(Class<?> type, boolean cascaded) {
			String key = type.getName() + ":" + cascaded;
			BeanStep existing = this.beans.get(key);
			if (existing != null) {
				return existing;
			}
			BeanStep bean = new BeanStep(!cascaded);
			this.beans.put(key, bean);
			if (type.isRecord()) {
				for (RecordComponent component : type.getRecordComponents()) {
					addProperty(bean, component.getName(), component.getAccessor(), component.getAnnotatedType(),
							isValid(component.getAccessor(), field(type, component.getName())));
				}
			}
			else {
				for (PropertyDescriptor descriptor : BeanUtils.getPropertyDescriptors(type)) {
					Method getter = descriptor.getReadMethod();
					if (getter != null && getter.getDeclaringClass() != Object.class) {
						addProperty(bean, descriptor.getName(), getter, getter.getAnnotatedReturnType(),
								isValid(getter, field(type, descriptor.getName())));
					}
				}
			}
			return (bean.validateSelf || !bean.properties.isEmpty()) ? bean : null;
		}

		/**
		 * Add a property with more to visit. A property marked {@code @Valid} is cascaded
		 * into by Jakarta Validation, as the bean holding it is always validated.
		 */
		private void addProperty(BeanStep bean, String name, Method getter, AnnotatedType type, boolean cascaded) {
			Step step = plan(type, cascaded);
			if (step != null) {
				ReflectionUtils.makeAccessible(getter);
				bean.properties.add(new PropertyStep(name, getter, step));
			}
		}

		private static boolean isValid(AnnotatedElement getter, @Nullable Field field) {
			return getter.isAnnotationPresent(Valid.class) || (field != null && field.isAnnotationPresent(Valid.class));
		}

		private static @Nullable Field field(Class<?> type, String name) {
			return ReflectionUtils.findField(type, name);
		}

		private static boolean isBean(Class<?> type) {
			return !type.isPrimitive() && !type.isEnum() && !type.isInterface() && !type.isArray()
					&& !BeanUtils.isSimpleValueType(type) && !type.getName().startsWith("java.")
					&& !type.getName().startsWith("javax.");
		}

	}

}
