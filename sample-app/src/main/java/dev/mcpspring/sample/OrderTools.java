package dev.mcpspring.sample;

import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.mcpspring.annotation.McpArg;
import dev.mcpspring.annotation.McpTool;
import dev.mcpspring.sample.OrderConfirmation.OrderStatus;
import dev.mcpspring.server.ToolCallException;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Tools to place and track orders.
 */
@Component
@Profile("!conformance")
public class OrderTools {

	private final Catalog catalog;

	private final Map<String, OrderConfirmation> orders = new ConcurrentHashMap<>();

	private final AtomicInteger sequence = new AtomicInteger(1000);

	public OrderTools(Catalog catalog) {
		this.catalog = catalog;
	}

	@McpTool(name = "place_order", title = "Place an order",
			description = "Order books for a customer; returns the order id and the total in EUR",
			destructiveHint = false, openWorldHint = false)
	public OrderConfirmation placeOrder(@McpArg(description = "The order to place") OrderRequest order) {
		BigDecimal total = BigDecimal.ZERO;
		for (OrderRequest.OrderLine line : order.lines()) {
			Book book = this.catalog.findByIsbn(line.isbn())
				.orElseThrow(() -> new ToolCallException("No book with ISBN " + line.isbn()));
			total = total.add(book.price().multiply(BigDecimal.valueOf(line.quantity())));
		}
		String orderId = "ORD-" + this.sequence.incrementAndGet();
		OrderConfirmation confirmation = new OrderConfirmation(orderId, order.customerEmail(), total,
				OrderStatus.CONFIRMED, null);
		this.orders.put(orderId, confirmation);
		return confirmation;
	}

	@McpTool(name = "order_status", description = "Look up an order by its id", readOnlyHint = true,
			destructiveHint = false, idempotentHint = true, openWorldHint = false)
	public Mono<OrderConfirmation> orderStatus(@McpArg(description = "Id returned by place_order") String orderId) {
		return Mono.justOrEmpty(this.orders.get(orderId))
			.switchIfEmpty(Mono.error(() -> new ToolCallException("No order with id " + orderId)));
	}

}
