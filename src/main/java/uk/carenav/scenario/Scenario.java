package uk.carenav.scenario;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One simulated call, as a clinical educator wrote it. Plain data: the scoring engine reads it.
 * {@code file} is where it was loaded from, for messages.
 */
public record Scenario(String id, int version, String title, String category, String difficulty,
        List<String> competencies, List<Catalogue.Source> sources, String author, LocalDate reviewDue,
        Caller caller, String opening, List<String> hints, List<Variant> variants, List<Question> questions,
        List<Statement> statements, Map<String, Expected> expected, String file, TimeOfCall timeOfCall) {

    /**
     * When the call comes in: in hours the practice handles urgent problems itself (NHS 111 is for when it is
     * closed); out of hours NHS 111 and the out-of-hours services are the way in.
     */
    public enum TimeOfCall {
        IN_HOURS("in-hours", "In hours: the practice is open"),
        OUT_OF_HOURS("out-of-hours", "Out of hours: the practice is closed");

        private final String code;
        private final String label;

        TimeOfCall(String code, String label) {
            this.code = code;
            this.label = label;
        }

        public String code() {
            return code;
        }

        public String label() {
            return label;
        }

        public static Optional<TimeOfCall> fromCode(String code) {
            for (TimeOfCall t : values()) {
                if (t.code.equals(code)) {
                    return Optional.of(t);
                }
            }
            return Optional.empty();
        }
    }

    /** The person on the phone and, when they call about someone else, the patient. */
    public record Caller(String name, int age, String sex, String calling, String relationship,
            List<String> communication, Patient patient) {
    }

    public record Patient(String name, int age, String sex) {
    }

    /**
     * A version of the call that changes answers and the right route (age, pregnancy, a red flag...).
     * {@code facts} holds what the file states: age, sex, pregnant, duration, recurrent, red_flag,
     * condition and the other facts route eligibility tests ({@link Eligibility.Fact}); {@code line} is
     * where the variant starts in the file; {@code ifKeptWaiting} (or null) how the caller worsens in a queue.
     */
    public record Variant(String id, String label, Map<String, String> facts, int line, IfKeptWaiting ifKeptWaiting) {

        public Variant(String id, String label, Map<String, String> facts, int line) {
            this(id, label, facts, line, null);
        }
    }

    /**
     * What becomes of a caller of this variant who waits in a queue (a shift): after {@code seconds} from joining
     * the queue they are answered as variant {@code becomes} (a time-critical problem gets worse while they wait),
     * starting with {@code opening} when given (what someone says who has got worse on hold). {@code line} is where
     * it is written.
     */
    public record IfKeptWaiting(int seconds, String becomes, String opening, int line) {
    }

    public enum QuestionKind { RELEVANT, RED_FLAG_SCREEN, DISTRACTOR }

    /**
     * A question the navigator can ask. Red-flag screens name their catalogue red flag; distractors
     * name their bank entry and carry its severity and feedback. {@code phrasings} are the other ways of
     * asking it written in the scenario (the catalogue adds its own for red flags and distractors);
     * {@code line} is where the question starts in the file.
     */
    public record Question(String id, String topic, String text, QuestionKind kind, String redFlagId,
            Severity distractorSeverity, String feedback, String answer, Map<String, String> answers,
            List<String> phrasings, int line) {

        public String answerFor(String variantId) {
            return answers.getOrDefault(variantId, answer);
        }
    }

    /**
     * Something the navigator might say; a must-not statement is a Critical deviation. {@code phrasings}
     * are other ways of saying it; {@code line} is where it starts in the file.
     */
    public record Statement(String id, String text, MustNot mustNot, String feedback, List<String> phrasings,
            int line) {
    }

    public record RequiredStep(String stepId, Severity severity, String why) {
    }

    public record NoteFact(String fact, List<String> synonyms, Severity severity) {
    }

    /** For emergencies: route after at most this many questions and/or seconds (null when not set). */
    public record RouteBy(Integer questions, Integer seconds) {
    }

    /** What a variant should lead to, and the ideal call; {@code modelAnswerLine} is where the model answer starts. */
    public record Expected(String variantId, Urgency urgency, List<String> correct, List<String> acceptable,
            List<String> overTriage, List<String> underTriage, RouteBy routeBy, String rationale,
            List<String> mustAsk, List<RequiredStep> safetyNetting, List<NoteFact> note, List<CallAction> modelAnswer,
            int modelAnswerLine) {
    }

    public Optional<Question> question(String questionId) {
        return questions.stream().filter(q -> q.id().equals(questionId)).findFirst();
    }

    public Optional<Statement> statement(String statementId) {
        return statements.stream().filter(s -> s.id().equals(statementId)).findFirst();
    }

    public Optional<Variant> variant(String variantId) {
        return variants.stream().filter(v -> v.id().equals(variantId)).findFirst();
    }

    /**
     * The facts about the patient that eligibility is tested against: the variant's own facts, with the
     * age and sex of the patient (or of the caller, when they call about themselves) where the variant
     * does not state them.
     */
    public Map<String, String> patientFacts(String variantId) {
        return patientFacts(caller, variant(variantId).orElse(null));
    }

    static Map<String, String> patientFacts(Caller caller, Variant variant) {
        Map<String, String> out = new HashMap<>();
        if (caller != null) {
            Patient p = caller.patient();
            out.put("age", String.valueOf(p != null ? p.age() : caller.age()));
            String sex = p != null ? p.sex() : caller.sex();
            if (sex != null) {
                out.put("sex", sex);
            }
        }
        if (variant != null) {
            out.putAll(variant.facts());
        }
        return Map.copyOf(out);
    }

    /** "chest-pain-gardening v1". */
    public String reference() {
        return id + " v" + version;
    }
}
