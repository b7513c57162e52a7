package dev.mcpspring.test.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application the tests of the test support drive.
 */
@SpringBootApplication
public class GreetingApplication {

}
