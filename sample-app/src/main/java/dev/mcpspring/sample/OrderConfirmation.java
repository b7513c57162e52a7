package dev.mcpspring.sample;

import java.math.BigDecimal;

/**
 * A placed order.
 *
 * @param orderId the order id
 * @param customerEmail the customer's email address
 * @param total the amount charged in EUR
 * @param status the order status
 */
public record OrderConfirmation(String orderId, String customerEmail, BigDecimal total, OrderStatus status) {

	/**
	 * Where an order stands.
	 */
	public enum OrderStatus {

		CONFIRMED, SHIPPED

	}

}
