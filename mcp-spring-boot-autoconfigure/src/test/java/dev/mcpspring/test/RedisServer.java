package dev.mcpspring.test;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a real {@code redis-server} on a free loopback port for the tests of a class:
 * register it with
 * {@code @RegisterExtension static RedisServer redis = new RedisServer();}. Tests may
 * {@link #stop()} and {@link #start()} it again on the same port to play an outage. Fails
 * (never skips) when {@code redis-server} is not installed.
 *
 * @author MCP Spring Boot team
 */
public final class RedisServer implements BeforeAllCallback, AfterAllCallback {

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(10);

	private final int port = freePort();

	private volatile Process process;

	public int getPort() {
		return this.port;
	}

	/**
	 * Return the properties that point Spring Data Redis at this server.
	 * @return the properties
	 */
	public String[] properties() {
		return new String[] { "spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + this.port };
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		start();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		stop();
	}

	/**
	 * Start the server and wait until it answers {@code PING}.
	 */
	public synchronized void start() {
		if (this.process != null && this.process.isAlive()) {
			return;
		}
		String executable = findExecutable();
		try {
			this.process = new ProcessBuilder(executable, "--port", Integer.toString(this.port), "--bind", "127.0.0.1",
					"--save", "", "--appendonly", "no")
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start redis-server", ex);
		}
		Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
		while (!ping()) {
			if (Instant.now().isAfter(deadline) || !this.process.isAlive()) {
				stop();
				throw new IllegalStateException("redis-server did not answer PING on port " + this.port);
			}
			sleep(20);
		}
	}

	/**
	 * Stop the server at once, as a crash would, and wait until it is gone.
	 */
	public synchronized void stop() {
		Process running = this.process;
		if (running == null) {
			return;
		}
		running.destroyForcibly();
		try {
			running.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.process = null;
	}

	/**
	 * Whether the server answers {@code PING}.
	 * @return {@code true} if it answers {@code +PONG}
	 */
	public boolean ping() {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(1000);
			OutputStream output = socket.getOutputStream();
			output.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			output.flush();
			InputStream input = socket.getInputStream();
			byte[] reply = input.readNBytes(7);
			return new String(reply, StandardCharsets.US_ASCII).startsWith("+PONG");
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static String findExecutable() {
		for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			File candidate = new File(directory, "redis-server");
			if (candidate.canExecute()) {
				return candidate.getAbsolutePath();
			}
		}
		for (String path : List.of("/usr/bin/redis-server", "/usr/local/bin/redis-server")) {
			if (new File(path).canExecute()) {
				return path;
			}
		}
		throw new IllegalStateException(
				"redis-server is not installed: run scripts/install-test-services.sh (it installs the Debian package)");
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
