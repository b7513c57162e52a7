package dev.mcpspring.benchmarks.server;

import dev.mcpspring.benchmarks.tools.BenchmarkTools;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * Our MCP server as the load scripts run it: the starter and the benchmark tools, nothing
 * else (no Actuator, no metrics), like the Spring AI and TypeScript SDK peers.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@SpringBootApplication
@Import(BenchmarkTools.class)
public class BenchmarkServerApplication {

	public static void main(String[] args) {
		SpringApplication.run(BenchmarkServerApplication.class, args);
	}

}
