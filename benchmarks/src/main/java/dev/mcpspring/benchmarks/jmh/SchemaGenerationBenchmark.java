package dev.mcpspring.benchmarks.jmh;

import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.mcpspring.benchmarks.tools.Quote;
import dev.mcpspring.benchmarks.tools.QuoteRequest;
import dev.mcpspring.schema.DefaultJsonSchemaGenerator;
import dev.mcpspring.schema.OutputSchema;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Schema generation for a record with Jakarta constraints. It runs once per tool at
 * startup, never per call, so this is a startup cost and has no baseline.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xmx512m", "-XX:+UseParallelGC" })
public class SchemaGenerationBenchmark {

	private final DefaultJsonSchemaGenerator generator = new DefaultJsonSchemaGenerator(List.of());

	@Benchmark
	public OutputSchema recordSchema() {
		return this.generator.generateOutputSchema(QuoteRequest.class);
	}

	@Benchmark
	public OutputSchema resultSchema() {
		return this.generator.generateOutputSchema(Quote.class);
	}

}
