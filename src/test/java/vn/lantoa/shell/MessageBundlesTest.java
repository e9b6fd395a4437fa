package vn.lantoa.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every user-facing string lives in a message file, and every language file has every key: a key missing from the
 * English file, or a template that asks for a key no file has, fails the build.
 */
class MessageBundlesTest {

    @Test
    void everyBundleHasTheSameKeysInVietnameseAndEnglish() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String basename : ShellConfiguration.bundleBasenames()) {
            Properties vi = load(basename + ".properties");
            Properties en = load(basename + "_en.properties");
            assertThat(vi).as("Vietnamese file of %s", basename).isNotNull();
            if (en == null) {
                problems.add(basename + "_en.properties is missing");
                continue;
            }
            for (String key : vi.stringPropertyNames()) {
                if (!en.containsKey(key)) {
                    problems.add(basename + "_en.properties lacks " + key);
                }
            }
            for (String key : en.stringPropertyNames()) {
                if (!vi.containsKey(key)) {
                    problems.add(basename + ".properties lacks " + key);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyMessageUsedByATemplateExists() throws IOException {
        Set<String> known = new TreeSet<>();
        for (String basename : ShellConfiguration.bundleBasenames()) {
            Properties vi = load(basename + ".properties");
            if (vi != null) {
                known.addAll(vi.stringPropertyNames());
            }
        }
        Pattern messageExpression = Pattern.compile("#\\{([a-zA-Z0-9_.-]+)");
        List<String> missing = new ArrayList<>();
        Path templates = Path.of("src/main/resources/templates");
        try (Stream<Path> files = Files.walk(templates)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher m = messageExpression.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    if (!known.contains(m.group(1))) {
                        missing.add(templates.relativize(file) + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(missing).as("message keys used in templates but missing from every bundle").isEmpty();
    }

    /**
     * All bundles share one message source, so a key two modules both define (say, the same problem code) shows one
     * module's text for the other's error: whichever bundle comes first wins.
     */
    @Test
    void noKeyIsDefinedByTwoBundles() throws IOException {
        java.util.Map<String, String> owner = new java.util.HashMap<>();
        List<String> clashes = new ArrayList<>();
        for (String basename : ShellConfiguration.bundleBasenames()) {
            Properties vi = load(basename + ".properties");
            if (vi == null) {
                continue;
            }
            for (String key : vi.stringPropertyNames()) {
                String previous = owner.putIfAbsent(key, basename);
                if (previous != null) {
                    clashes.add(key + " in " + previous + " and " + basename);
                }
            }
        }
        assertThat(clashes).as("keys defined by more than one bundle").isEmpty();
    }

    @Test
    void thereIsAtLeastTheShellBundle() {
        assertThat(ShellConfiguration.bundleBasenames()).contains("i18n/shell");
    }

    private static Properties load(String name) throws IOException {
        Resource[] found = new PathMatchingResourcePatternResolver().getResources("classpath*:" + name);
        if (found.length == 0 || !found[0].exists()) {
            return null;
        }
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(found[0].getInputStream(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
