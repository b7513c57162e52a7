package dev.mcpspring.sample;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * A placed order.
 *
 * @param orderId the order id
 * @param customerEmail the customer's email address
 * @param total the amount charged in EUR
 * @param status the order status
 * @param trackingNumber the parcel tracking number, {@code null} until the order ships
 */
public record OrderConfirmation(String orderId, String customerEmail, BigDecimal total, OrderStatus status,
		@Nullable String trackingNumber) {

	/**
	 * Where an order stands.
	 */
	public enum OrderStatus {

		CONFIRMED, SHIPPED

	}

}
