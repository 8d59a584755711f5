package dev.ferry.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;

import javafx.css.CssParser;
import javafx.css.Rule;
import javafx.css.Stylesheet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The build's precompiled AtlantaFX stylesheets: what JavaFX loads at start-up in place of the CSS. */
class CompiledThemeTest {

    @ParameterizedTest
    @ValueSource(strings = {"primer-light", "primer-dark"})
    void theThemeInUseHasAPrecompiledTwinWithTheSameRules(String name) throws Exception {
        String css = name.equals("primer-light") ? Theme.PRIMER_LIGHT : Theme.PRIMER_DARK;
        assertTrue(css.endsWith("/dev/ferry/ui/theme/" + name + ".css"), css);
        URL binary = Theme.class.getResource("theme/" + name + ".bss");
        assertNotNull(binary, "the build compiles " + name + ".bss");

        Stylesheet parsed = new CssParser().parse(new URL(css));
        Stylesheet compiled = Stylesheet.loadBinary(binary);
        assertEquals(parsed.getRules().size(), compiled.getRules().size());
        for (int i = 0; i < parsed.getRules().size(); i++) {
            Rule p = parsed.getRules().get(i);
            Rule c = compiled.getRules().get(i);
            assertEquals(p.getSelectors().toString(), c.getSelectors().toString());
            assertEquals(p.getDeclarations().size(), c.getDeclarations().size());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"primer-light", "primer-dark"})
    void theCopyIsAtlantaFxsOwnStylesheet(String name) throws Exception {
        URL original = Theme.class.getResource("/atlantafx/base/theme/" + name + ".css");
        URL copy = Theme.class.getResource("theme/" + name + ".css");
        try (var a = original.openStream(); var b = copy.openStream()) {
            assertTrue(java.util.Arrays.equals(a.readAllBytes(), b.readAllBytes()));
        }
    }
}
