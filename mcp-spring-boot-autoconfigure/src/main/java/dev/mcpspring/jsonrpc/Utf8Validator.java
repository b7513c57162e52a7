package dev.mcpspring.jsonrpc;

/**
 * Checks that bytes are well-formed UTF-8 (Unicode table 3-7): no overlong forms, no
 * surrogates, nothing above U+10FFFF, no truncated sequences. JSON parsers are lenient
 * here, and a lenient decoder turns the overlong {@code C0 AF} into {@code /}, so that
 * text which passed a check as bytes means something else once decoded. NUL bytes are
 * refused too: a JSON text never contains one unescaped, and without them a parser has no
 * reason to guess UTF-16 or UTF-32.
 * <p>
 * Fed in pieces, so that a request body can be checked while it is parsed.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
final class Utf8Validator {

	private int remaining;

	private int lower = 0x80;

	private int upper = 0xBF;

	private boolean valid = true;

	/**
	 * Check the next bytes.
	 * @param bytes the bytes
	 * @param offset where to start
	 * @param length how many bytes to check
	 * @return {@code false} once the bytes seen so far cannot be well-formed UTF-8
	 */
	boolean update(byte[] bytes, int offset, int length) {
		for (int i = offset; i < offset + length && this.valid; i++) {
			update(bytes[i] & 0xFF);
		}
		return this.valid;
	}

	/**
	 * Check the next byte.
	 * @param b the byte, from 0 to 255
	 * @return {@code false} once the bytes seen so far cannot be well-formed UTF-8
	 */
	boolean update(int b) {
		if (!this.valid) {
			return false;
		}
		if (this.remaining == 0) {
			this.valid = (b > 0 && b < 0x80) || lead(b);
		}
		else if (b < this.lower || b > this.upper) {
			this.valid = false;
		}
		else {
			this.remaining--;
			this.lower = 0x80;
			this.upper = 0xBF;
		}
		return this.valid;
	}

	/**
	 * Whether every byte seen so far is well-formed UTF-8 and no sequence is left open.
	 * @return {@code true} if the input ended well-formed
	 */
	boolean isComplete() {
		return this.valid && this.remaining == 0;
	}

	/**
	 * Check a whole input.
	 * @param bytes the bytes
	 * @return {@code true} if they are well-formed UTF-8 without NUL
	 */
	static boolean isValid(byte[] bytes) {
		Utf8Validator validator = new Utf8Validator();
		return validator.update(bytes, 0, bytes.length) && validator.isComplete();
	}

	/**
	 * Start a multi-byte sequence, setting the range of its second byte.
	 */
	private boolean lead(int b) {
		if (b >= 0xC2 && b <= 0xDF) {
			return expect(1, 0x80, 0xBF);
		}
		if (b >= 0xE0 && b <= 0xEF) {
			return expect(2, (b == 0xE0) ? 0xA0 : 0x80, (b == 0xED) ? 0x9F : 0xBF);
		}
		if (b >= 0xF0 && b <= 0xF4) {
			return expect(3, (b == 0xF0) ? 0x90 : 0x80, (b == 0xF4) ? 0x8F : 0xBF);
		}
		return false;
	}

	private boolean expect(int continuationBytes, int lower, int upper) {
		this.remaining = continuationBytes;
		this.lower = lower;
		this.upper = upper;
		return true;
	}

}
