package dev.ferry.ui.session;

import java.util.Map;

import javafx.beans.property.ObjectProperty;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;

/** Keeps a group of radio buttons and an enum property in step, both ways. */
final class ToggleBinding {
    private ToggleBinding() {
    }

    /** Puts {@code buttons} into one group; selecting one sets {@code value}, and setting {@code value} selects one. */
    static <E> ToggleGroup bind(ObjectProperty<E> value, Map<E, RadioButton> buttons) {
        ToggleGroup group = new ToggleGroup();
        buttons.forEach((choice, button) -> {
            button.setUserData(choice);
            button.setToggleGroup(group);
        });
        select(group, value.get());
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                select(group, value.get());
            } else {
                @SuppressWarnings("unchecked")
                E choice = (E) now.getUserData();
                value.set(choice);
            }
        });
        value.addListener((o, was, now) -> select(group, now));
        return group;
    }

    private static void select(ToggleGroup group, Object choice) {
        for (Toggle t : group.getToggles()) {
            if (t.getUserData().equals(choice) && !t.isSelected()) {
                group.selectToggle(t);
            }
        }
    }
}
