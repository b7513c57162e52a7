package dev.mcpspring.jsonrpc;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;

/**
 * Passes bytes through while checking that they are well-formed UTF-8, failing the read
 * that brings the first bad byte, so a body is checked in the same pass that parses it.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 * @see Utf8Validator
 */
final class Utf8ValidatingInputStream extends FilterInputStream {

	private final Utf8Validator validator = new Utf8Validator();

	Utf8ValidatingInputStream(InputStream in) {
		super(in);
	}

	@Override
	public int read() throws IOException {
		int b = super.read();
		if (b == -1) {
			checkComplete();
		}
		else if (!this.validator.update(b)) {
			throw new CharacterCodingException();
		}
		return b;
	}

	@Override
	public int read(byte[] bytes, int offset, int length) throws IOException {
		int count = super.read(bytes, offset, length);
		if (count == -1) {
			checkComplete();
		}
		else if (!this.validator.update(bytes, offset, count)) {
			throw new CharacterCodingException();
		}
		return count;
	}

	@Override
	public long skip(long n) throws IOException {
		throw new IOException("Skipping would leave bytes unchecked");
	}

	@Override
	public boolean markSupported() {
		return false;
	}

	private void checkComplete() throws CharacterCodingException {
		if (!this.validator.isComplete()) {
			throw new CharacterCodingException();
		}
	}

}
