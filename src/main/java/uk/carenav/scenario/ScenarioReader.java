package uk.carenav.scenario;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import uk.carenav.scenario.Catalogue.Source;
import uk.carenav.scenario.Scenario.Caller;
import uk.carenav.scenario.Scenario.Expected;
import uk.carenav.scenario.Scenario.NoteFact;
import uk.carenav.scenario.Scenario.Patient;
import uk.carenav.scenario.Scenario.Question;
import uk.carenav.scenario.Scenario.QuestionKind;
import uk.carenav.scenario.Scenario.RequiredStep;
import uk.carenav.scenario.Scenario.RouteBy;
import uk.carenav.scenario.Scenario.Statement;
import uk.carenav.scenario.Scenario.Variant;

/**
 * Reads one scenario file and checks it against the catalogue: structure, references and
 * completeness. Every problem is reported with its line and column; a scenario is returned only
 * when there were none.
 */
public final class ScenarioReader {

    public static final Set<String> CATEGORIES = Categories.LABELS.keySet();
    static final Set<String> DIFFICULTIES = Set.of("foundation", "intermediate", "advanced");
    static final Set<String> CALLING = Set.of("patient", "parent", "carer", "relative", "other");
    static final Set<String> SEXES = Set.of("female", "male");
    private static final Pattern ID = CatalogueReader.ID;
    private static final List<String> ACTION_KEYS = List.of("ask", "say", "route", "safety_net", "note", "confidence");

    private final Catalogue catalogue;
    private final boolean authoringRules;

    /** A reader for the library: structure, references and the authoring rules on routes. */
    public ScenarioReader(Catalogue catalogue) {
        this(catalogue, true);
    }

    /**
     * {@code authoringRules} false reads a kept copy of a past version: structure and references only,
     * so that a call taken on it stays readable after the rules for new scenarios have tightened.
     */
    public ScenarioReader(Catalogue catalogue, boolean authoringRules) {
        this.catalogue = catalogue;
        this.authoringRules = authoringRules;
    }

    /** The scenario in {@code file}, or empty with every reason added to {@code problems}. */
    public Optional<Scenario> read(SourceFile file, List<Problem> problems) {
        int before = problems.size();
        Optional<YamlNode> root = YamlTreeReader.read(file.path(), file.bytes(), problems);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        if (!(root.get() instanceof YamlNode.MapNode)) {
            Fields.of(file.path(), root.get(), "the scenario", problems);
            return Optional.empty();
        }
        Scenario scenario = new Parse(file.path(), problems).scenario(root.get());
        return problems.size() == before ? Optional.ofNullable(scenario) : Optional.empty();
    }

    /** The state of reading one file. */
    private final class Parse {
        private final String file;
        private final List<Problem> problems;
        private Scenario.TimeOfCall timeOfCall = Scenario.TimeOfCall.IN_HOURS;

        Parse(String file, List<Problem> problems) {
            this.file = file;
            this.problems = problems;
        }

        Scenario scenario(YamlNode root) {
            Fields f = Fields.of(file, root, "the scenario", problems);
            String id = f.text("id", true).map(i -> checkId(f, "id", i)).orElse(null);
            int version = f.integer("version", true, 1, 100_000).orElse(0);
            String title = f.text("title", true).orElse(null);
            String category = f.text("category", true).map(c -> oneOf(f, "category", c, CATEGORIES)).orElse(null);
            String difficulty = f.text("difficulty", true).map(d -> oneOf(f, "difficulty", d, DIFFICULTIES)).orElse(null);
            Map<String, YamlNode> competencies = f.textList("competencies", true);
            competencies.forEach((c, node) -> {
                if (!catalogue.competencies().isEmpty() && !catalogue.competencies().containsKey(c)) {
                    f.problem(node, "competency '" + c + "' is not in the competency framework ("
                            + String.join(", ", catalogue.competencies().keySet()) + ")");
                }
            });
            List<Source> sources = new ArrayList<>();
            for (YamlNode s : f.list("sources", true)) {
                CatalogueReader.source(f, s).ifPresent(sources::add);
            }
            String author = f.text("author", authoringRules).orElse(null);
            // A file cannot claim a clinical review: approval is a record of a named reviewer in the application.
            // Kept copies of versions written before this rule still read.
            f.node("reviewed_by", false).ifPresent(n -> {
                if (authoringRules) {
                    f.problem(n, "reviewed_by is no longer allowed: a scenario file cannot claim a clinical review; "
                            + "approval is recorded in the application by a named clinical reviewer. Name who wrote "
                            + "the scenario with author: instead");
                }
            });
            LocalDate reviewDue = f.node("review_due", true).flatMap(n -> date(f, n)).orElse(null);
            Caller caller = f.node("caller", true).map(this::caller).orElse(null);
            String opening = f.text("opening", true).orElse(null);
            List<String> hints = new ArrayList<>(f.textList("hints", false).keySet());
            // Kept copies of versions written before the time of call existed read as in hours.
            f.text("time_of_call", authoringRules).ifPresent(t -> Scenario.TimeOfCall.fromCode(t).ifPresentOrElse(
                    found -> timeOfCall = found,
                    () -> f.problemAtKey("time_of_call", "time_of_call '" + t + "' is not one of: in-hours, out-of-hours")));

            List<Variant> variants = variants(f);
            Set<String> variantIds = new LinkedHashSet<>();
            variants.forEach(v -> variantIds.add(v.id()));
            Map<String, Question> questions = questions(f, variantIds);
            Map<String, Statement> statements = statements(f, questions.keySet());
            Map<String, Expected> expected = expected(f, variants, caller, questions, statements);
            f.rejectUnknown();

            return new Scenario(id, version, title, category, difficulty, List.copyOf(competencies.keySet()),
                    List.copyOf(sources), author, reviewDue, caller, opening, List.copyOf(hints),
                    List.copyOf(variants), List.copyOf(questions.values()), List.copyOf(statements.values()),
                    Map.copyOf(expected), file, timeOfCall);
        }

        private String checkId(Fields f, String key, String id) {
            if (!ID.matcher(id).matches()) {
                f.problemAtKey(key, key + " '" + id + "' should use lower-case letters, digits and single dashes");
            }
            return id;
        }

        private String oneOf(Fields f, String key, String value, Set<String> allowed) {
            if (!allowed.contains(value)) {
                f.problemAtKey(key, key + " '" + value + "' is not one of: " + String.join(", ", allowed.stream().sorted().toList()));
            }
            return value;
        }

        private Optional<LocalDate> date(Fields f, YamlNode n) {
            return f.text(n, "review_due").flatMap(text -> {
                try {
                    return Optional.of(LocalDate.parse(text));
                } catch (DateTimeParseException e) {
                    f.problem(n, "review_due '" + text + "' is not a real date in the form YYYY-MM-DD");
                    return Optional.empty();
                }
            });
        }

        private Caller caller(YamlNode node) {
            Fields f = Fields.of(file, node, "the caller", problems);
            String name = f.text("name", true).orElse(null);
            int age = f.integer("age", true, 0, 120).orElse(0);
            String sex = f.text("sex", true).map(s -> oneOf(f, "sex", s, SEXES)).orElse(null);
            String calling = f.text("calling", true).map(c -> oneOf(f, "calling", c, CALLING)).orElse(null);
            String relationship = f.text("relationship", false).orElse(null);
            List<String> communication = List.copyOf(f.textList("communication", true).keySet());
            Patient patient = f.node("patient", false).map(n -> {
                Fields p = Fields.of(file, n, "the patient", problems);
                Patient result = new Patient(p.text("name", true).orElse(null), p.integer("age", true, 0, 120).orElse(0),
                        p.text("sex", true).map(s -> oneOf(p, "sex", s, SEXES)).orElse(null));
                p.rejectUnknown();
                return result;
            }).orElse(null);
            if (calling != null && !calling.equals("patient") && patient == null) {
                f.problemAtKey("calling", "the caller is calling as '" + calling
                        + "': add 'patient' with the name, age and sex of the person the call is about");
            }
            f.rejectUnknown();
            return new Caller(name, age, sex, calling, relationship, communication, patient);
        }

        private List<Variant> variants(Fields top) {
            List<Variant> out = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>();
            int i = 0;
            for (YamlNode n : top.list("variants", true)) {
                i++;
                Fields f = Fields.of(file, n, "variant " + i, problems);
                Optional<String> id = f.text("id", true).map(v -> checkId(f, "id", v));
                String label = f.text("label", true).orElse(null);
                Map<String, String> facts = new LinkedHashMap<>();
                f.integer("age", false, 0, 120).ifPresent(a -> facts.put("age", a.toString()));
                f.text("sex", false).map(s -> oneOf(f, "sex", s, SEXES)).ifPresent(s -> facts.put("sex", s));
                f.bool("pregnant").ifPresent(b -> facts.put("pregnant", b.toString()));
                f.text("duration", false).ifPresent(d -> facts.put("duration", d));
                f.bool("recurrent").ifPresent(b -> facts.put("recurrent", b.toString()));
                f.bool("red_flag").ifPresent(b -> facts.put("red_flag", b.toString()));
                f.text("condition", false).map(c -> checkId(f, "condition", c)).ifPresent(c -> facts.put("condition", c));
                for (Eligibility.Fact fact : Eligibility.Fact.values()) {
                    if (!facts.containsKey(fact.key()) && fact != Eligibility.Fact.AGE && fact != Eligibility.Fact.SEX) {
                        f.bool(fact.key()).ifPresent(b -> facts.put(fact.key(), b.toString()));
                    }
                }
                Scenario.IfKeptWaiting waiting = f.node("if_kept_waiting", false).map(w -> {
                    Fields k = Fields.of(file, w, "if_kept_waiting of variant " + id.orElse(""), problems);
                    Optional<Integer> seconds = k.integer("seconds", true, 30, 3600);
                    Optional<String> becomes = k.text("becomes", true);
                    Optional<String> opening = k.text("opening", false);
                    k.rejectUnknown();
                    return seconds.isPresent() && becomes.isPresent() ? new Scenario.IfKeptWaiting(seconds.get(),
                            becomes.get(), opening.orElse(null), k.lineOfKey("becomes")) : null;
                }).orElse(null);
                f.rejectUnknown();
                if (id.isPresent()) {
                    if (!seen.add(id.get())) {
                        f.problemAtKey("id", "variant id '" + id.get() + "' is used twice");
                    } else {
                        out.add(new Variant(id.get(), label, Map.copyOf(facts), f.line(), waiting));
                    }
                }
            }
            for (Variant v : out) {
                Scenario.IfKeptWaiting w = v.ifKeptWaiting();
                if (w != null && (w.becomes().equals(v.id()) || !seen.contains(w.becomes()))) {
                    problems.add(new Problem(file, w.line(), 1, "if_kept_waiting of variant '" + v.id() + "' becomes '"
                            + w.becomes() + "', which is not one of the other variants (" + String.join(", ", seen) + ")"));
                }
            }
            return out;
        }

        private Map<String, Question> questions(Fields top, Set<String> variantIds) {
            Map<String, Question> out = new LinkedHashMap<>();
            int i = 0;
            for (YamlNode n : top.list("questions", true)) {
                i++;
                Fields f = Fields.of(file, n, "question " + i, problems);
                Question q = f.has("distractor") ? distractor(f) : question(f);
                // Answers are read even for a broken question, so that one mistake gives one message.
                var a = answers(f, q == null ? "" : q.id(), q == null ? null : q.answer(), variantIds);
                if (q != null) {
                    Question full = new Question(q.id(), q.topic(), q.text(), q.kind(), q.redFlagId(),
                            q.distractorSeverity(), q.feedback(), a.getKey(), a.getValue(), q.phrasings(), f.line());
                    if (out.containsKey(full.id())) {
                        f.problem(n, "question id '" + full.id() + "' is used twice");
                    } else {
                        out.put(full.id(), full);
                    }
                }
                f.rejectUnknown();
            }
            return out;
        }

        private Question distractor(Fields f) {
            Optional<String> id = f.text("distractor", true);
            String topic = f.text("topic", false).orElse("Background");
            if (id.isEmpty()) {
                return null;
            }
            var d = catalogue.distractors().get(id.get());
            if (d == null) {
                f.problemAtKey("distractor", "distractor '" + id.get() + "' is not in the distractor bank (distractors.yaml)");
                return null;
            }
            String text = f.text("text", false).orElse(d.text());
            List<String> phrasings = List.copyOf(f.textList("phrasings", false).keySet());
            return new Question(d.id(), topic, text, QuestionKind.DISTRACTOR, null, d.severity(), d.feedback(),
                    d.answer(), Map.of(), phrasings, f.line());
        }

        private Question question(Fields f) {
            Optional<String> id = f.text("id", true).map(v -> checkId(f, "id", v));
            Optional<String> topic = f.text("topic", true);
            Optional<String> redFlag = f.text("red_flag", false);
            Optional<String> text = f.text("text", false);
            List<String> phrasings = List.copyOf(f.textList("phrasings", false).keySet());
            Optional<String> feedback = f.text("why", false);
            String resolvedText = text.orElse(null);
            if (redFlag.isPresent()) {
                var flag = catalogue.redFlags().get(redFlag.get());
                if (flag == null) {
                    f.problemAtKey("red_flag", "red flag '" + redFlag.get() + "' is not in the catalogue (red-flags.yaml)");
                } else if (resolvedText == null) {
                    resolvedText = flag.screenQuestion();
                }
            } else if (text.isEmpty()) {
                problems.add(new Problem(file, f.line(), f.column(), f.what() + " needs 'text' (or 'red_flag' for a red-flag screen)"));
                return null;
            }
            if (id.isEmpty() || topic.isEmpty()) {
                return null;
            }
            return new Question(id.get(), topic.get(), resolvedText,
                    redFlag.isPresent() ? QuestionKind.RED_FLAG_SCREEN : QuestionKind.RELEVANT, redFlag.orElse(null),
                    null, feedback.orElse(null), null, Map.of(), phrasings, f.line());
        }

        /** The default answer and per-variant answers; every variant must have one. */
        private Map.Entry<String, Map<String, String>> answers(Fields f, String questionId, String bankAnswer,
                Set<String> variantIds) {
            String answer = f.text("answer", false).orElse(bankAnswer);
            Map<String, String> byVariant = new HashMap<>();
            f.node("answers", false).ifPresent(n -> {
                Fields a = Fields.of(file, n, "answers of question '" + questionId + "'", problems);
                for (String variant : a.entries().keySet()) {
                    if (!variantIds.contains(variant)) {
                        a.problemAtKey(variant, "answers names variant '" + variant + "', which is not one of the variants ("
                                + String.join(", ", variantIds) + ")");
                        a.has(variant);
                        continue;
                    }
                    a.text(variant, true).ifPresent(t -> byVariant.put(variant, t));
                }
            });
            if (answer == null && !questionId.isEmpty()) {
                // A question already refused (such as a misspelt distractor) is reported once, not again here.
                List<String> missing = variantIds.stream().filter(v -> !byVariant.containsKey(v)).toList();
                if (!missing.isEmpty()) {
                    problems.add(new Problem(file, f.line(), f.column(), "question '" + questionId + "' has no answer for variant "
                            + String.join(", ", missing) + ": add 'answer' (for all variants) or an entry under 'answers'"));
                }
            }
            return Map.entry(answer == null ? "" : answer, Map.copyOf(byVariant));
        }

        private Map<String, Statement> statements(Fields top, Set<String> questionIds) {
            Map<String, Statement> out = new LinkedHashMap<>();
            int i = 0;
            for (YamlNode n : top.list("statements", false)) {
                i++;
                Fields f = Fields.of(file, n, "statement " + i, problems);
                Optional<String> id = f.text("id", true).map(v -> checkId(f, "id", v));
                Optional<String> text = f.text("text", true);
                List<String> phrasings = List.copyOf(f.textList("phrasings", false).keySet());
                Optional<MustNot> mustNot = f.text("must_not", false).flatMap(m -> {
                    Optional<MustNot> parsed = MustNot.fromCode(m);
                    if (parsed.isEmpty()) {
                        f.problemAtKey("must_not", "must_not '" + m + "' is not one of: " + MustNot.codes());
                    }
                    return parsed;
                });
                Optional<String> feedback = f.text("feedback", mustNot.isPresent());
                f.rejectUnknown();
                if (id.isPresent() && text.isPresent()) {
                    if (out.containsKey(id.get()) || questionIds.contains(id.get())) {
                        f.problemAtKey("id", "id '" + id.get() + "' is already used by another question or statement");
                    } else {
                        out.put(id.get(), new Statement(id.get(), text.get(), mustNot.orElse(null), feedback.orElse(null),
                                phrasings, f.line()));
                    }
                }
            }
            return out;
        }

        private Map<String, Expected> expected(Fields top, List<Variant> variants, Caller caller,
                Map<String, Question> questions, Map<String, Statement> statements) {
            Set<String> variantIds = new LinkedHashSet<>();
            variants.forEach(v -> variantIds.add(v.id()));
            Map<String, Expected> out = new LinkedHashMap<>();
            Optional<YamlNode> node = top.node("expected", true);
            if (node.isEmpty()) {
                return out;
            }
            Fields all = Fields.of(file, node.get(), "expected", problems);
            for (String variant : all.entries().keySet()) {
                all.has(variant);
                if (!variantIds.contains(variant)) {
                    all.problemAtKey(variant, "expected names variant '" + variant + "', which is not one of the variants ("
                            + String.join(", ", variantIds) + ")");
                    continue;
                }
                Variant v = variants.stream().filter(x -> x.id().equals(variant)).findFirst().orElseThrow();
                Map<String, String> facts = Scenario.patientFacts(caller, v);
                Expected e = outcome(v, facts, Fields.of(file, all.entries().get(variant), "expected outcome of '" + variant
                        + "'", problems), questions, statements);
                if (e != null) {
                    out.put(variant, e);
                }
            }
            for (String variant : variantIds) {
                if (!all.entries().containsKey(variant)) {
                    problems.add(new Problem(file, all.line(), all.column(), "variant '" + variant
                            + "' has no expected outcome: add it under 'expected'"));
                }
            }
            return out;
        }

        private Expected outcome(Variant v, Map<String, String> facts, Fields f, Map<String, Question> questions,
                Map<String, Statement> statements) {
            String variant = v.id();
            Optional<Urgency> urgency = f.text("urgency", true).flatMap(u -> {
                Optional<Urgency> parsed = Urgency.fromCode(u);
                if (parsed.isEmpty()) {
                    f.problemAtKey("urgency", "urgency '" + u + "' is not one of: " + Urgency.codes());
                }
                return parsed;
            });
            Map<String, String> listOf = new HashMap<>();
            Map<String, YamlNode> routeNodes = new HashMap<>();
            List<String> correct = routes(f, "correct", true, listOf, routeNodes);
            List<String> acceptable = routes(f, "acceptable", false, listOf, routeNodes);
            List<String> over = routes(f, "over_triage", false, listOf, routeNodes);
            List<String> under = routes(f, "under_triage", false, listOf, routeNodes);
            RouteBy routeBy = f.node("route_by", false).map(n -> {
                Fields r = Fields.of(file, n, "route_by of '" + variant + "'", problems);
                Integer q = r.integer("questions", false, 0, 100).orElse(null);
                Integer s = r.integer("seconds", false, 1, 3600).orElse(null);
                r.rejectUnknown();
                if (q == null && s == null) {
                    f.problem(n, "route_by needs 'questions' and/or 'seconds'");
                }
                return new RouteBy(q, s);
            }).orElse(null);
            String rationale = f.text("rationale", true).orElse(null);
            List<String> mustAsk = new ArrayList<>();
            f.textList("must_ask", false).forEach((q, n) -> {
                Question question = questions.get(q);
                if (question == null) {
                    f.problem(n, "must_ask names question '" + q + "', which is not one of this scenario's questions");
                } else if (question.kind() == QuestionKind.DISTRACTOR) {
                    f.problem(n, "must_ask names '" + q + "', which is a distractor");
                } else {
                    mustAsk.add(q);
                }
            });
            List<RequiredStep> steps = new ArrayList<>();
            int i = 0;
            for (YamlNode n : f.list("safety_netting", false)) {
                i++;
                Fields s = Fields.of(file, n, "safety-netting step " + i + " of '" + variant + "'", problems);
                Optional<String> step = s.text("step", true);
                Severity severity = CatalogueReader.severity(s, "severity", Severity.MAJOR);
                String why = s.text("why", false).orElse(null);
                s.rejectUnknown();
                step.ifPresent(id -> {
                    if (!catalogue.safetyNetting().containsKey(id)) {
                        s.problemAtKey("step", "safety-netting step '" + id + "' is not in the catalogue (safety-netting.yaml)");
                    } else if (steps.stream().anyMatch(x -> x.stepId().equals(id))) {
                        s.problemAtKey("step", "safety-netting step '" + id + "' is listed twice");
                    } else {
                        steps.add(new RequiredStep(id, severity, why));
                    }
                });
            }
            List<NoteFact> note = new ArrayList<>();
            i = 0;
            for (YamlNode n : f.list("note", false)) {
                i++;
                Fields nf = Fields.of(file, n, "note fact " + i + " of '" + variant + "'", problems);
                Optional<String> fact = nf.text("fact", true);
                List<String> synonyms = List.copyOf(nf.textList("synonyms", false).keySet());
                Severity severity = CatalogueReader.severity(nf, "severity", Severity.MODERATE);
                nf.rejectUnknown();
                fact.ifPresent(t -> note.add(new NoteFact(t, synonyms, severity)));
            }
            List<CallAction> model = modelAnswer(f, variant, questions, statements);
            f.rejectUnknown();
            if (urgency.isEmpty() || correct.isEmpty() || rationale == null) {
                return null;
            }
            if (urgency.get() == Urgency.EMERGENCY && routeBy == null) {
                f.problemAtKey("urgency", "an emergency outcome needs 'route_by' (the point by which the call must be routed)");
            }
            if (authoringRules) {
                checkRoutes(v, facts, f, urgency.get(), listOf, routeNodes);
            }
            if (authoringRules && routeBy != null && routeBy.questions() != null && routeBy.questions() < mustAsk.size()) {
                f.problemAtKey("route_by", "route_by allows " + routeBy.questions() + " question"
                        + (routeBy.questions() == 1 ? "" : "s") + " before routing, but '" + variant + "' has "
                        + mustAsk.size() + " must-ask screens, which must all be asked before the route: allow at least "
                        + mustAsk.size());
            }
            int modelLine = f.lineOfKey("model_answer");
            return new Expected(variant, urgency.get(), correct, acceptable, over, under, routeBy, rationale,
                    List.copyOf(mustAsk), List.copyOf(steps), List.copyOf(note), model, modelLine);
        }

        /**
         * Routes against the variant: the urgency agrees with the correct routes, nothing graded correct,
         * acceptable or over-triage is slower than the variant needs, correct and acceptable routes are
         * open to this patient, and the variant states every fact a listed route's eligibility needs.
         */
        private void checkRoutes(Variant v, Map<String, String> facts, Fields f, Urgency urgency,
                Map<String, String> listOf, Map<String, YamlNode> nodes) {
            listOf.forEach((routeId, list) -> {
                Catalogue.Route route = catalogue.routes().get(routeId);
                YamlNode node = nodes.get(routeId);
                if (route.whenClosedOnly() && timeOfCall == Scenario.TimeOfCall.IN_HOURS
                        && (list.equals("correct") || list.equals("acceptable"))) {
                    f.problem(node, "route '" + routeId + "' is for when the practice is closed, but this call comes in "
                            + "hours (time_of_call: in-hours), so it cannot be " + list + " for '" + v.id() + "': practices "
                            + "should not normally send patients to NHS 111 while open. List it under under_triage or "
                            + "over_triage, or leave it out");
                } else if (list.equals("correct") && route.urgency() != urgency) {
                    f.problem(node, "the correct route '" + routeId + "' is " + route.urgency().code() + " (" + route.timeframe()
                            + ") but the urgency of '" + v.id() + "' is " + urgency.code() + ": make them agree");
                } else if (!list.equals("under_triage") && urgency.moreUrgentThan(route.urgency())) {
                    f.problem(node, "route '" + routeId + "' is " + route.urgency().code() + ", slower than '" + v.id()
                            + "' needs (" + urgency.code() + "), so it cannot be " + list.replace('_', '-')
                            + ": list it under under_triage");
                }
                Eligibility el = route.eligibility();
                if (el == null) {
                    return;
                }
                List<String> missing = el.missingFacts(facts);
                if (!missing.isEmpty()) {
                    problems.add(new Problem(file, v.line(), 1, "variant '" + v.id() + "' should state "
                            + String.join(", ", missing.stream().map(m -> "'" + m + ": true' or '" + m + ": false'").toList())
                            + ": the eligibility of route '" + routeId + "' (in " + list + ") needs "
                            + (missing.size() == 1 ? "it" : "them")));
                } else if (list.equals("correct") || list.equals("acceptable")) {
                    el.whyNot(facts).ifPresent(why -> f.problem(node, "route '" + routeId + "' is " + list + " for '" + v.id()
                            + "' but the patient is not eligible: " + why));
                }
            });
        }

        private List<String> routes(Fields f, String key, boolean required, Map<String, String> listOf,
                Map<String, YamlNode> nodes) {
            List<String> out = new ArrayList<>();
            f.textList(key, required).forEach((route, node) -> {
                nodes.put(route, node);
                if (!catalogue.routes().containsKey(route)) {
                    f.problem(node, "route '" + route + "' in " + key + " is not in the catalogue (routes.yaml)");
                } else if (listOf.containsKey(route)) {
                    f.problem(node, "route '" + route + "' is in both " + listOf.get(route) + " and " + key);
                } else {
                    listOf.put(route, key);
                    out.add(route);
                }
            });
            return List.copyOf(out);
        }

        private List<CallAction> modelAnswer(Fields f, String variant, Map<String, Question> questions,
                Map<String, Statement> statements) {
            List<CallAction> out = new ArrayList<>();
            List<YamlNode> items = f.list("model_answer", true);
            for (YamlNode n : items) {
                parseAction(n, "a model answer step of '" + variant + "'", questions, statements).ifPresent(out::add);
            }
            if (!items.isEmpty() && out.stream().noneMatch(a -> a instanceof CallAction.ChooseRoute)) {
                f.problemAtKey("model_answer", "the model answer of '" + variant + "' never chooses a route");
            }
            return List.copyOf(out);
        }

        Optional<CallAction> parseAction(YamlNode n, String what, Map<String, Question> questions,
                Map<String, Statement> statements) {
            Fields a = Fields.of(file, n, what, problems);
            List<String> present = ACTION_KEYS.stream().filter(a::has).toList();
            Double at = a.node("at", false).flatMap(x -> {
                if (x instanceof YamlNode.ScalarNode s && (s.type() == YamlNode.ScalarNode.Type.INTEGER
                        || s.type() == YamlNode.ScalarNode.Type.DECIMAL)) {
                    return Optional.of(Double.parseDouble(s.text()));
                }
                a.problem(x, "'at' should be a number of seconds");
                return Optional.empty();
            }).orElse(null);
            a.rejectUnknown();
            if (present.size() != 1) {
                problems.add(new Problem(file, a.line(), a.column(), what + " should have exactly one of "
                        + String.join(", ", ACTION_KEYS) + (present.isEmpty() ? "" : " (found " + String.join(", ", present) + ")")));
                return Optional.empty();
            }
            String key = present.get(0);
            if (key.equals("confidence")) {
                return a.integer("confidence", true, 1, 5).map(v -> new CallAction.RateConfidence(v, at));
            }
            Optional<String> value = a.text(key, true);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            String v = value.get();
            YamlNode at0 = a.entries().get(key);
            return switch (key) {
                case "ask" -> questions.containsKey(v) ? Optional.of(new CallAction.Ask(v, at))
                        : missing(a, at0, "question '" + v + "' is not one of this scenario's questions");
                case "say" -> statements.containsKey(v) ? Optional.of(new CallAction.Say(v, at))
                        : missing(a, at0, "statement '" + v + "' is not one of this scenario's statements");
                case "route" -> catalogue.routes().containsKey(v) ? Optional.of(new CallAction.ChooseRoute(v, at))
                        : missing(a, at0, "route '" + v + "' is not in the catalogue (routes.yaml)");
                case "safety_net" -> catalogue.safetyNetting().containsKey(v) ? Optional.of(new CallAction.SafetyNet(v, at))
                        : missing(a, at0, "safety-netting step '" + v + "' is not in the catalogue (safety-netting.yaml)");
                default -> Optional.of(new CallAction.WriteNote(v, at));
            };
        }

        private Optional<CallAction> missing(Fields a, YamlNode at, String message) {
            a.problem(at, message);
            return Optional.empty();
        }
    }
}
