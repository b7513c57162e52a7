package dev.mcpspring.sample;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small parser of the Prometheus text exposition format 0.0.4, enough to read what a
 * scrape would store: sample name, labels and value. Comments are skipped.
 */
final class PrometheusTextFormat {

	private PrometheusTextFormat() {
	}

	static List<Sample> parse(String text) {
		List<Sample> samples = new ArrayList<>();
		for (String line : text.split("\n")) {
			if (!line.isBlank() && !line.startsWith("#")) {
				samples.add(parseLine(line.strip()));
			}
		}
		return samples;
	}

	private static Sample parseLine(String line) {
		int labelsStart = line.indexOf('{');
		int nameEnd = (labelsStart >= 0) ? labelsStart : line.indexOf(' ');
		String name = line.substring(0, nameEnd);
		Map<String, String> labels = new LinkedHashMap<>();
		int index = nameEnd;
		if (labelsStart >= 0) {
			index = parseLabels(line, labelsStart + 1, labels);
		}
		String[] rest = line.substring(index).strip().split(" ");
		return new Sample(name, labels, parseValue(rest[0]));
	}

	private static int parseLabels(String line, int start, Map<String, String> labels) {
		int index = start;
		while (line.charAt(index) != '}') {
			int equals = line.indexOf('=', index);
			String key = line.substring(index, equals).strip();
			StringBuilder value = new StringBuilder();
			index = equals + 2;
			while (line.charAt(index) != '"') {
				char ch = line.charAt(index);
				if (ch == '\\') {
					char escaped = line.charAt(++index);
					value.append((escaped == 'n') ? '\n' : escaped);
				}
				else {
					value.append(ch);
				}
				index++;
			}
			labels.put(key, value.toString());
			index++;
			if (line.charAt(index) == ',') {
				index++;
			}
		}
		return index + 1;
	}

	private static double parseValue(String value) {
		return switch (value) {
			case "+Inf" -> Double.POSITIVE_INFINITY;
			case "-Inf" -> Double.NEGATIVE_INFINITY;
			default -> Double.parseDouble(value);
		};
	}

	record Sample(String name, Map<String, String> labels, double value) {

		boolean hasLabels(Map<String, String> expected) {
			return this.labels.entrySet().containsAll(expected.entrySet());
		}

	}

}
