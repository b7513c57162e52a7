package dev.mcpspring.oauthbridge;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An HTTPS server on 127.0.0.1 serving client ID metadata documents, with a self-signed
 * certificate made by the JDK's keytool; its key store is also the trust store the bridge
 * fetches documents with.
 */
final class ClientIdMetadataDocumentServer implements AutoCloseable {

	static final String PASSWORD = "changeit";

	private final Map<String, String> documents = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> fetches = new ConcurrentHashMap<>();

	private final Path keyStore;

	private final HttpsServer server;

	ClientIdMetadataDocumentServer(Path directory) throws IOException, InterruptedException, GeneralSecurityException {
		this.keyStore = directory.resolve("documents.p12");
		Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
				"-genkeypair", "-alias", "documents", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
				"CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-keystore", this.keyStore.toString(),
				"-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD)
			.redirectErrorStream(true)
			.start();
		assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream input = Files.newInputStream(this.keyStore)) {
			store.load(input, PASSWORD.toCharArray());
		}
		KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keys.init(store, PASSWORD.toCharArray());
		SSLContext tls = SSLContext.getInstance("TLS");
		tls.init(keys.getKeyManagers(), null, null);
		this.server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.setHttpsConfigurator(new HttpsConfigurator(tls));
		this.server.createContext("/", (exchange) -> {
			String path = exchange.getRequestURI().getPath();
			String document = this.documents.get(path);
			this.fetches.computeIfAbsent(path, (key) -> new AtomicInteger()).incrementAndGet();
			byte[] body = (document != null) ? document.getBytes(StandardCharsets.UTF_8) : new byte[0];
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders((document != null) ? 200 : 404, (body.length > 0) ? body.length : -1);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.server.start();
	}

	/**
	 * Serve a document at {@code path} and return its URL.
	 */
	String serve(String path, String document) {
		this.documents.put(path, document);
		return url(path);
	}

	String url(String path) {
		return "https://127.0.0.1:" + this.server.getAddress().getPort() + path;
	}

	int fetches(String path) {
		AtomicInteger count = this.fetches.get(path);
		return (count != null) ? count.get() : 0;
	}

	Path keyStore() {
		return this.keyStore;
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
