package dev.ferry.ui.sites;

import java.io.InputStream;
import java.nio.file.Path;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import dev.ferry.sites.importers.FileZillaImporter;
import dev.ferry.sites.importers.ImportPreview;

/**
 * Shows the import preview of the sample sitemanager.xml (or of the file given), for a screenshot under Xvfb:
 * {@code DISPLAY=:82 java -cp ... dev.ferry.ui.sites.ImportPreviewShot [file] [dark]}.
 */
public final class ImportPreviewShot {
    private ImportPreviewShot() {
    }

    public static void main(String[] args) {
        Application.launch(Shot.class, args);
    }

    /** The application; a class of its own, since a main class extending Application needs JavaFX modules. */
    public static final class Shot extends Application {
        @Override
        public void start(Stage stage) throws Exception {
            boolean dark = getParameters().getRaw().contains("dark");
            Application.setUserAgentStylesheet(ImportPreviewShot.class.getResource(dark
                    ? "/atlantafx/base/theme/primer-dark.css" : "/atlantafx/base/theme/primer-light.css")
                    .toExternalForm());
            String file = getParameters().getUnnamed().stream().filter(a -> !a.equals("dark")).findFirst()
                    .orElse(null);
            ImportPreview preview;
            if (file != null) {
                preview = FileZillaImporter.read(Path.of(file));
            } else {
                try (InputStream in = ImportPreviewShot.class
                        .getResourceAsStream("/importers/filezilla-sitemanager.xml")) {
                    preview = FileZillaImporter.read(in);
                }
            }
            stage.setScene(new Scene(new Label("Ferry"), 300, 200));
            stage.setTitle("Ferry");
            stage.show();
            System.out.println(ImportPreviewDialog.show(stage, preview).map(c -> c.items().size() + " sites into \""
                    + c.intoFolder() + "\"").orElse("cancelled"));
            Platform.exit();
        }
    }
}
