package dev.mcpspring.transport.support;

import dev.mcpspring.jsonrpc.JsonRpcMessage;
import dev.mcpspring.server.EmitRetry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * An event stream that cannot be resumed: events carry no id and nothing is kept once
 * delivered. Stateless requests use it, since revision 2026-07-28 has no resumption.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public final class UnbufferedEventStream implements McpEventStore.EventStream {

	private final Sinks.Many<McpEventStore.Event> sink = Sinks.many().unicast().onBackpressureBuffer();

	@Override
	public void emit(JsonRpcMessage message) {
		this.sink.emitNext(new McpEventStore.Event(null, message), EmitRetry.handler());
	}

	@Override
	public void complete() {
		this.sink.emitComplete(EmitRetry.handler());
	}

	@Override
	public Flux<McpEventStore.Event> events() {
		return this.sink.asFlux();
	}

}
