package dev.mcpspring.transport.stdio;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import org.jspecify.annotations.Nullable;

/**
 * Reads newline-delimited messages as bytes, so that the codec sees exactly what the
 * client sent (a character decoder would have replaced invalid UTF-8 already), and bounds
 * their length: the rest of an overlong line is skipped, not buffered.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
final class BoundedLineReader {

	/**
	 * Returned for a line longer than the bound.
	 */
	static final byte[] TOO_LONG = new byte[0];

	private final InputStream input;

	private final int maxLineBytes;

	private final ByteArrayOutputStream line = new ByteArrayOutputStream();

	BoundedLineReader(InputStream input, int maxLineBytes) {
		this.input = new BufferedInputStream(input);
		this.maxLineBytes = maxLineBytes;
	}

	/**
	 * Read the next line, without its {@code \n} (and {@code \r\n}).
	 * @return the line, {@link #TOO_LONG}, or {@code null} at the end of input
	 * @throws IOException if reading fails
	 */
	byte @Nullable [] readLine() throws IOException {
		this.line.reset();
		boolean tooLong = false;
		int b;
		while ((b = this.input.read()) != -1 && b != '\n') {
			if (this.line.size() < this.maxLineBytes) {
				this.line.write(b);
			}
			else {
				tooLong = true;
			}
		}
		if (b == -1 && this.line.size() == 0 && !tooLong) {
			return null;
		}
		if (tooLong) {
			return TOO_LONG;
		}
		byte[] bytes = this.line.toByteArray();
		int length = bytes.length;
		if (length > 0 && bytes[length - 1] == '\r') {
			return java.util.Arrays.copyOf(bytes, length - 1);
		}
		return bytes;
	}

}
