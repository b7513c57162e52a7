package dev.mcpspring.sample.failover;

import java.time.Duration;

import dev.mcpspring.annotation.McpArg;
import dev.mcpspring.annotation.McpTool;
import dev.mcpspring.annotation.NonBlocking;
import dev.mcpspring.server.McpContext;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The tools {@code scripts/failover.sh} calls through a load balancer: one that leaves a
 * line in the log for every execution, so that a call executed twice shows up across the
 * instances' logs, a slow one that streams progress, for resuming a cut stream on another
 * instance. Active in the {@code failover} profile only.
 */
@Component
@Profile("failover")
public class FailoverTools {

	private static final Log logger = LogFactory.getLog(FailoverTools.class);

	private final String instance;

	FailoverTools(@Value("${failover.instance:${server.port:8080}}") String instance) {
		this.instance = instance;
	}

	@NonBlocking
	@McpTool(name = "record", description = "Executes once per call and logs the key it was given")
	public String record(@McpArg(description = "A key unique to the call") String key) {
		logger.info("failover-exec key=" + key + " instance=" + this.instance);
		return "recorded " + key + " on " + this.instance;
	}

	@McpTool(name = "countdown", description = "Reports progress once per step, then answers")
	public Mono<String> countdown(@McpArg(description = "Number of steps") int steps,
			@McpArg(description = "Milliseconds between steps") int intervalMillis, McpContext context) {
		return Flux.interval(Duration.ofMillis(intervalMillis))
			.take(steps)
			.doOnNext(
					(tick) -> context.progress(tick + 1, (double) steps, "step " + (tick + 1) + " on " + this.instance))
			.then(Mono.fromCallable(() -> "counted " + steps + " steps, answered by " + this.instance));
	}

}
