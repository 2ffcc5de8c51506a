package uk.carenav.scoring;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import uk.carenav.scenario.CallAction;
import uk.carenav.scenario.LibraryLoader;
import uk.carenav.scenario.Scenario;

/** The shipped scenario library, loaded once for the scoring tests. */
final class Library {

    static final LibraryLoader.Result SHIPPED = LibraryLoader.loadDirectory(Path.of("scenarios"));

    private Library() {
    }

    static Scenario scenario(String id) {
        return SHIPPED.scenarios().stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no scenario " + id + " in the library"));
    }

    static Transcript modelAnswer(Scenario s, String variant) {
        return new Transcript(s.id(), s.version(), variant, s.expected().get(variant).modelAnswer());
    }

    static Transcript transcript(Scenario s, String variant, CallAction... actions) {
        return new Transcript(s.id(), s.version(), variant, List.of(actions));
    }

    static List<CallAction> without(List<CallAction> actions, CallAction removed) {
        List<CallAction> out = new ArrayList<>(actions);
        out.removeIf(a -> a.equals(removed));
        return out;
    }
}
