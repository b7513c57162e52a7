package dev.mcpspring.autoconfigure.stdio;

import java.util.Iterator;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.AppenderAttachable;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.util.ClassUtils;

/**
 * Moves the console output of Logback to standard error once Boot has configured logging,
 * in an application that serves MCP over stdio, where standard output carries the
 * protocol. Whatever configured logging, Boot's defaults, {@code logback-spring.xml} or
 * {@code logging.config}, stays in force: only the console appenders that write to
 * {@code System.out} change their target.
 *
 * @author MCP Spring Boot team
 * @since 0.1.0
 */
public class StdioConsoleLoggingListener implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

	private static final String SYSTEM_OUT = "System.out";

	private static final String SYSTEM_ERR = "System.err";

	private static final boolean logbackPresent = ClassUtils.isPresent("ch.qos.logback.classic.LoggerContext",
			StdioConsoleLoggingListener.class.getClassLoader())
			&& ClassUtils.isPresent("org.slf4j.LoggerFactory", StdioConsoleLoggingListener.class.getClassLoader());

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		if (logbackPresent && StdioEnvironmentPostProcessor.isStdioEnabled(event.getEnvironment())) {
			LogbackConsole.moveToStandardError();
		}
	}

	/**
	 * Right after {@link LoggingApplicationListener} configured logging.
	 */
	@Override
	public int getOrder() {
		return LoggingApplicationListener.DEFAULT_ORDER + 1;
	}

	/**
	 * The Logback part, loaded only when Logback is present.
	 */
	private static final class LogbackConsole {

		static void moveToStandardError() {
			if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
				return;
			}
			for (Logger logger : context.getLoggerList()) {
				moveToStandardError(logger);
			}
		}

		private static void moveToStandardError(AppenderAttachable<ILoggingEvent> attachable) {
			Iterator<Appender<ILoggingEvent>> appenders = attachable.iteratorForAppenders();
			while (appenders.hasNext()) {
				Appender<ILoggingEvent> appender = appenders.next();
				if (appender instanceof ConsoleAppender<ILoggingEvent> console
						&& SYSTEM_OUT.equals(console.getTarget())) {
					boolean started = console.isStarted();
					console.stop();
					console.setTarget(SYSTEM_ERR);
					if (started) {
						console.start();
					}
				}
				else if (appender instanceof AppenderAttachable<?> nested) {
					@SuppressWarnings("unchecked")
					AppenderAttachable<ILoggingEvent> events = (AppenderAttachable<ILoggingEvent>) nested;
					moveToStandardError(events);
				}
			}
		}

	}

}
