package uk.carenav.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.carenav.scenario.Catalogue;
import uk.carenav.scenario.LibraryLoader;
import uk.carenav.scenario.Scenario;

/** What a navigator types, heard through the real index of shipped scenarios. */
class ScenarioIndexTest {

    private static final LibraryLoader.Result LIBRARY = LibraryLoader.loadDirectory(Path.of("scenarios"));

    @Test
    void spellingMistakesShortFormsAndReorderedQuestionsAreUnderstood() {
        ScenarioIndex chest = index("chest-pain-gardening");
        assertHeard(chest, "any chset pain going down your arm?", Heard.Kind.QUESTION, "q-spread");
        assertHeard(chest, "are you sweaty or short of breth?", Heard.Kind.QUESTION, "q-breathless");
        assertHeard(chest, "breathless?", Heard.Kind.QUESTION, "q-breathless");
        assertHeard(chest, "the pain, is it going down your arm?", Heard.Kind.QUESTION, "q-spread");
        assertHeard(chest, "where's the pain?", Heard.Kind.QUESTION, "q-where");
    }

    @Test
    void britishColloquialWordsAreUnderstood() {
        ScenarioIndex uti = index("uti-age-and-pregnancy");
        assertHeard(uti, "does it sting when you wee?", Heard.Kind.QUESTION, "q-symptoms");
        assertHeard(uti, "have you been being sick", Heard.Kind.QUESTION, "q-kidney");
    }

    @Test
    void statementsDistractorsAndSafetyNettingAreHeardToo() {
        ScenarioIndex chest = index("chest-pain-gardening");
        assertHeard(chest, "it's probably just indigestion", Heard.Kind.STATEMENT, "s-indigestion");
        assertHeard(chest, "what do you do for a living?", Heard.Kind.DISTRACTOR, "d-job");
        assertHeard(chest, "stay on the line with me while I get help", Heard.Kind.SAFETY_NET, "stay-on-line");
        assertHeard(chest, "I'll make a note of our conversation on your record", Heard.Kind.SAFETY_NET, "record-call");
    }

    @Test
    void somethingOutsideTheCallIsHeardAsNothingAndTheCallerAsks() {
        Scenario s = scenario("chest-pain-gardening");
        Heard h = index("chest-pain-gardening").hear("lovely weather today isn't it");
        assertThat(h.kind()).isEqualTo(Heard.Kind.NONE);
        assertThat(h.itemId()).isNull();
        assertThat(CallerReplies.reply(s, LIBRARY.catalogue(), "crushing", h)).isEqualTo(CallerReplies.NOT_UNDERSTOOD);
        assertThat(index("chest-pain-gardening").hear("   ").kind()).isEqualTo(Heard.Kind.NONE);
    }

    @Test
    void adviceToRing999ThatNamesTheDangerSignsNeverCreditsTheScreenForThem() {
        // Said as safety-netting, not asked: a trainee who skipped the screen must not be credited with it.
        Heard h = index("impetigo-crusty-sores").hear("if she goes floppy or is hard to wake, call 999");
        assertThat(h.kind()).isNotEqualTo(Heard.Kind.QUESTION);
        if (h.isUnclear()) {
            assertThat(h.unclear()).extracting(Heard.Candidate::itemId).contains("call-999-if");
        } else {
            assertThat(h.itemId()).isEqualTo("call-999-if");
        }
    }

    @Test
    void conditionalAdviceToRing999IsHeardAsTheSafetyNettingStepAndAQuestionIsStillTheScreen() {
        ScenarioIndex sting = index("anaphylaxis-wasp-sting");
        assertHeard(sting, "if his lips or tongue start swelling, call 999 straight away", Heard.Kind.SAFETY_NET, "call-999-if");
        assertHeard(sting, "ring 999 if he gets wheezy or his throat feels tight", Heard.Kind.SAFETY_NET, "call-999-if");
        // Asked, not advised: still the screen, so a trainee who asks it is credited with it.
        assertHeard(sting, "is there any swelling of his lips or tongue?", Heard.Kind.QUESTION, "q-airway");
        assertThat(ScenarioIndex.conditional("if she goes floppy, call 999")).isTrue();
        assertThat(ScenarioIndex.conditional("is she floppy?")).isFalse();
    }

    @Test
    void textSpeakIsReadAsTheWordsItStandsFor() {
        assertThat(MatchAnalyzer.normalise("are u with her rn? wat time did it start")).isEqualTo(
                "are you with her right now? what time did it start");
        // Only whole words: "run" and "your" are left alone.
        assertThat(MatchAnalyzer.normalise("did u run out of your tablets")).isEqualTo("did you run out of your tablets");
        ScenarioIndex stroke = index("stroke-father-fast");
        assertHeard(stroke, "wat time did it start", Heard.Kind.QUESTION, "q-when");
        assertHeard(index("sepsis-uti-carer"), "r u with her nwo?", Heard.Kind.QUESTION, "q-with");
    }

    @Test
    void phoneSmallTalkIsHeardAsNothingTheCallScores() {
        Scenario s = scenario("frequent-caller-blood-pressure");
        Heard h = index("frequent-caller-blood-pressure").hear("hang on a sec love");
        assertThat(h.matched()).isFalse();
        assertThat(h.isSmallTalk()).isTrue();
        assertThat(CallerReplies.reply(s, LIBRARY.catalogue(), s.variants().get(0).id(), h)).isEqualTo("Okay.");
        // "Stay on the line" is still safety-netting, though it shares "hold" and "line" with small talk.
        assertHeard(index("chest-pain-gardening"), "stay on the line with me, I'm getting help to you now",
                Heard.Kind.SAFETY_NET, "stay-on-line");
    }

    @Test
    void whenTwoMeaningsAreTooCloseTheCallerAsksWhichWasMeant() {
        // Asking whether he has his adrenaline pen, or telling the caller to use it?
        Scenario s = scenario("anaphylaxis-wasp-sting");
        Heard h = index("anaphylaxis-wasp-sting").hear("has he got an epipen?");
        assertThat(h.matched()).isFalse();
        assertThat(h.isUnclear()).isTrue();
        assertThat(h.unclear()).extracting(Heard.Candidate::itemId).containsExactlyInAnyOrder("q-pen", "s-use-pen");
        assertThat(CallerReplies.reply(s, LIBRARY.catalogue(), s.variants().get(0).id(), h))
                .startsWith("Sorry, do you mean \u2018").contains("\u2019, or \u2018").endsWith("\u2019?");
    }

    @Test
    void theCatalogueSynonymsAreRead() {
        Catalogue c = LIBRARY.catalogue();
        assertThat(c.synonyms()).isNotEmpty();
        assertThat(c.synonyms()).anySatisfy(g -> assertThat(g).contains("tummy"));
        MatchAnalyzer analyzer = MatchAnalyzer.withSynonyms(c.synonyms());
        assertThat(analyzer.terms("tummy ache")).containsAll(analyzer.terms("stomach ache"));
        // An entry with a negation is left out rather than read as the bare word ("no feeling" is not "feeling").
        MatchAnalyzer negated = MatchAnalyzer.withSynonyms(List.of(List.of("numb", "no feeling")));
        assertThat(negated.terms("how are you feeling")).doesNotContain("numb");
    }

    @Test
    void everyScenarioOfTheLibraryHearsItsOwnQuestionsAndStatements() {
        for (Scenario s : LIBRARY.scenarios()) {
            ScenarioIndex index = ScenarioIndex.of(s, LIBRARY.catalogue());
            for (Scenario.Question q : s.questions()) {
                assertThat(index.hear(q.text()).itemId()).as(s.id() + " " + q.id()).isEqualTo(q.id());
            }
            for (Scenario.Statement st : s.statements()) {
                assertThat(index.hear(st.text()).itemId()).as(s.id() + " " + st.id()).isEqualTo(st.id());
            }
            for (Catalogue.SafetyNetStep step : LIBRARY.catalogue().safetyNetting().values()) {
                assertThat(index.hear(step.wording()).itemId()).as(s.id() + " " + step.id()).isEqualTo(step.id());
            }
        }
    }

    private static void assertHeard(ScenarioIndex index, String utterance, Heard.Kind kind, String id) {
        Heard h = index.hear(utterance);
        assertThat(h.kind()).as(utterance + " heard as " + h).isEqualTo(kind);
        assertThat(h.itemId()).as(utterance).isEqualTo(id);
    }

    private static Scenario scenario(String id) {
        return LIBRARY.scenarios().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    private static ScenarioIndex index(String id) {
        return ScenarioIndex.of(scenario(id), LIBRARY.catalogue());
    }
}
