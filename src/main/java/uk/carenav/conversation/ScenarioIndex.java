package uk.carenav.conversation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.store.ByteBuffersDirectory;
import uk.carenav.conversation.Heard.Candidate;
import uk.carenav.conversation.Heard.Kind;
import uk.carenav.scenario.Catalogue;
import uk.carenav.scenario.Scenario;

/**
 * A small in-memory Lucene index of one scenario version: every way of saying each of its questions and
 * statements, every entry of the distractor bank and every safety-netting step. {@link #hear} matches
 * one utterance: spelling corrected against the index's own words (Lucene's {@link DirectSpellChecker}),
 * candidates found with BM25 and fuzzy term queries, then each candidate phrasing weighed by how much of
 * the utterance it explains (precision) and how much of the phrasing the utterance covers (recall), both
 * weighted by how rare a word is among the items. The best item is taken when it clears a threshold with
 * a margin over the next item; when two items are too close, neither is taken and both are reported.
 * Immutable and safe to share between threads.
 */
public final class ScenarioIndex {

    // The figures below were chosen on the labelled utterances of the tests (MatchAccuracyTest), favouring few
    // false accepts: a line heard as something it was not is worse in an assessment than "Sorry, what do you mean?".
    /** The lowest score an item needs to be heard. */
    public static final double ACCEPT = 0.64;
    /** How far the best item must be ahead of the next one; closer than that, the caller asks. */
    public static final double MARGIN = 0.10;
    /** Share of the score from precision (how much of the line the item explains); the rest is recall. */
    private static final double PRECISION_WEIGHT = 0.6;
    /** Share of precision counted over every phrasing of the item together rather than the one phrasing. */
    private static final double ITEM_VOCAB = 0.8;
    /** Weight of a word of the call itself (names, the opening, the answers), against a word no one used. */
    private static final double CONTEXT = 0.3;
    /** The least score of a line that contains the whole of a phrasing of two or more words. */
    private static final double CONTAINMENT = 0.62;
    /** How close a misspelt stem must be to one of the index to be read as it. */
    private static final float STEM_ACCURACY = 0.8f;
    private static final int CANDIDATES = 60;
    /** The id of the small-talk item: heard, it means nothing the call scores. */
    public static final String SMALL_TALK = "small-talk";
    private static final String TEXT = "text";
    private static final String RAW = "raw";

    /** One thing the navigator can say. {@code phrasings} starts with its own text. */
    public record Item(Kind kind, String id, String text, List<String> phrasings) {

        String key() {
            return kind.code() + ":" + id;
        }
    }

    private record Phrasing(int item, String text, Set<String> terms) {
    }

    private final List<Set<String>> itemTerms;

    private final List<Item> items;
    private final List<Phrasing> phrasings;
    private final Map<String, Double> weight;
    private final double unknownWeight;
    private final Map<String, Double> contextWeight;
    private final DirectSpellChecker stemSpelling;
    private final Set<String> knownWords;
    private final MatchAnalyzer analyzer;
    private final MatchAnalyzer surface;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final DirectSpellChecker spelling;
    private final long buildNanos;

    private ScenarioIndex(List<Item> items, MatchAnalyzer analyzer, Set<String> extraKnownWords, String context) {
        long start = System.nanoTime();
        this.items = List.copyOf(items);
        this.analyzer = analyzer;
        this.surface = MatchAnalyzer.surface();
        List<Phrasing> ps = new ArrayList<>();
        Map<String, Set<Integer>> itemsWithTerm = new HashMap<>();
        Set<String> known = new HashSet<>(extraKnownWords);
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(
                new PerFieldAnalyzerWrapper(analyzer, Map.of(RAW, surface))))) {
            for (int i = 0; i < items.size(); i++) {
                for (String text : items.get(i).phrasings()) {
                    Set<String> terms = new LinkedHashSet<>(analyzer.terms(text));
                    if (terms.isEmpty()) {
                        continue;
                    }
                    int item = i;
                    terms.forEach(t -> itemsWithTerm.computeIfAbsent(t, k -> new HashSet<>()).add(item));
                    known.addAll(surface.terms(text));
                    Document d = new Document();
                    d.add(new TextField(TEXT, text, Field.Store.NO));
                    d.add(new TextField(RAW, text, Field.Store.NO));
                    d.add(new StoredField("phrasing", ps.size()));
                    w.addDocument(d);
                    ps.add(new Phrasing(i, text, Set.copyOf(terms)));
                }
            }
            w.commit();
            this.reader = DirectoryReader.open(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.phrasings = List.copyOf(ps);
        List<Set<String>> it = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            it.add(new HashSet<>());
        }
        ps.forEach(p -> it.get(p.item()).addAll(p.terms()));
        this.itemTerms = it;
        this.knownWords = Set.copyOf(known);
        // Rarity among items (BM25's idf over items rather than phrasings, so a word said many ways by one
        // item is not made common by it). A word no item has weighs most: it is what the utterance is about.
        int n = items.size();
        Map<String, Double> wt = new HashMap<>();
        itemsWithTerm.forEach((t, set) -> wt.put(t, idf(n, set.size())));
        this.weight = Map.copyOf(wt);
        this.unknownWeight = idf(n, 0);
        // Words of the call itself that no item uses (the caller's and patient's names, words of the opening and
        // the answers) are what a navigator naturally repeats back: they say little about which item was meant.
        Map<String, Double> ctx = new HashMap<>();
        for (String t : analyzer.terms(context)) {
            if (!wt.containsKey(t)) {
                ctx.put(t, unknownWeight * CONTEXT);
            }
        }
        this.contextWeight = Map.copyOf(ctx);
        this.stemSpelling = new DirectSpellChecker();
        stemSpelling.setMinPrefix(1);
        stemSpelling.setMinQueryLength(5);
        stemSpelling.setAccuracy(STEM_ACCURACY);
        this.searcher = new IndexSearcher(reader);
        this.spelling = new DirectSpellChecker();
        spelling.setMinPrefix(1);
        spelling.setMinQueryLength(4);
        spelling.setAccuracy(0.7f);
        this.buildNanos = System.nanoTime() - start;
    }

    /**
     * How much a word of the line counts: its rarity among the items; for a word no item uses, less when it is
     * a word of the call itself, a name (a capitalised word inside the line: a pharmacy, a street, a person) or
     * a number (a time, a phone number), since those say little about what the navigator meant; otherwise the
     * most, as a word that is about something else.
     */
    private double weightOf(String term, Set<String> names) {
        Double w = weight.get(term);
        if (w != null) {
            return w;
        }
        Double context = contextWeight.get(term);
        if (context != null) {
            return context;
        }
        if (names.contains(term) || (!term.isEmpty() && Character.isDigit(term.charAt(0)))) {
            return unknownWeight * CONTEXT;
        }
        return unknownWeight;
    }

    /** Capitalised words that do not start a sentence, in lower case: names of people, places and services. */
    static Set<String> nameWords(String text) {
        Set<String> out = new LinkedHashSet<>();
        String[] words = text.split("\\s+");
        for (int i = 1; i < words.length; i++) {
            String prev = words[i - 1];
            String w = words[i].replaceAll("^[^\\p{L}]+|[^\\p{L}']+$", "");
            if (prev.endsWith(".") || prev.endsWith("?") || prev.endsWith("!") || w.length() < 2) {
                continue;
            }
            if (Character.isUpperCase(w.charAt(0)) && w.chars().skip(1).allMatch(Character::isLowerCase)) {
                out.add(w.toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    private static double idf(int n, int df) {
        return Math.log(1 + (n - df + 0.5) / (df + 0.5));
    }

    /**
     * The index of a scenario: its questions (with, for red-flag screens and bank distractors, the
     * catalogue's shared phrasings), its statements, the whole distractor bank and every safety-netting step.
     */
    public static ScenarioIndex of(Scenario s, Catalogue c) {
        return of(s, c, MatchAnalyzer.withSynonyms(c.synonyms()));
    }

    static ScenarioIndex of(Scenario s, Catalogue c, MatchAnalyzer analyzer) {
        StringBuilder context = new StringBuilder(s.opening());
        if (s.caller() != null) {
            context.append(' ').append(s.caller().name());
            if (s.caller().patient() != null) {
                context.append(' ').append(s.caller().patient().name());
            }
        }
        for (Scenario.Question q : s.questions()) {
            context.append(' ').append(q.answer());
            q.answers().values().forEach(a -> context.append(' ').append(a));
        }
        return new ScenarioIndex(items(s, c), analyzer, synonymWords(c), context.toString());
    }

    /** Every item of a scenario, each with all the ways of saying it. */
    public static List<Item> items(Scenario s, Catalogue c) {
        Map<String, Item> out = new LinkedHashMap<>();
        for (Scenario.Question q : s.questions()) {
            List<String> ways = new ArrayList<>();
            ways.add(q.text());
            ways.addAll(q.phrasings());
            Kind kind = Kind.QUESTION;
            if (q.kind() == Scenario.QuestionKind.RED_FLAG_SCREEN) {
                Catalogue.RedFlag flag = c.redFlags().get(q.redFlagId());
                if (flag != null) {
                    ways.add(flag.screenQuestion());
                    ways.addAll(flag.phrasings());
                }
            } else if (q.kind() == Scenario.QuestionKind.DISTRACTOR) {
                kind = Kind.DISTRACTOR;
                Catalogue.Distractor d = c.distractors().get(q.id());
                if (d != null) {
                    ways.add(d.text());
                    ways.addAll(d.phrasings());
                }
            }
            out.put(kind.code() + ":" + q.id(), new Item(kind, q.id(), q.text(), distinct(ways)));
        }
        for (Scenario.Statement st : s.statements()) {
            List<String> ways = new ArrayList<>();
            ways.add(st.text());
            ways.addAll(st.phrasings());
            out.put("statement:" + st.id(), new Item(Kind.STATEMENT, st.id(), st.text(), distinct(ways)));
        }
        for (Catalogue.Distractor d : c.distractors().values()) {
            List<String> ways = new ArrayList<>();
            ways.add(d.text());
            ways.addAll(d.phrasings());
            out.putIfAbsent("distractor:" + d.id(), new Item(Kind.DISTRACTOR, d.id(), d.text(), distinct(ways)));
        }
        for (Catalogue.SafetyNetStep step : c.safetyNetting().values()) {
            List<String> ways = new ArrayList<>();
            ways.add(step.wording());
            ways.addAll(step.phrasings());
            out.put("safety_net:" + step.id(), new Item(Kind.SAFETY_NET, step.id(), step.wording(), distinct(ways)));
        }
        if (!c.smallTalk().isEmpty()) {
            // Phone small talk is an item too, so "bear with me" is heard as small talk rather than as the item
            // that happens to share a word with it; hearing it means hearing nothing the call scores.
            out.put("none:" + SMALL_TALK, new Item(Kind.NONE, SMALL_TALK, "small talk", distinct(c.smallTalk())));
        }
        return List.copyOf(out.values());
    }

    private static List<String> distinct(List<String> ways) {
        return List.copyOf(new LinkedHashSet<>(ways));
    }

    private static Set<String> synonymWords(Catalogue c) {
        Set<String> out = new HashSet<>();
        MatchAnalyzer surface = MatchAnalyzer.surface();
        c.synonyms().forEach(g -> g.forEach(w -> out.addAll(surface.terms(w))));
        return out;
    }

    public List<Item> items() {
        return items;
    }

    /** How long building this index took, in milliseconds. */
    public double buildMillis() {
        return buildNanos / 1e6;
    }

    /** What the caller hears when the navigator says {@code utterance}. */
    public Heard hear(String utterance) {
        String said = utterance == null ? "" : utterance.strip();
        Ranking ranking = ranking(said);
        List<Candidate> ranked = ranking.ranked();
        if (ranked.isEmpty()) {
            return Heard.none(said, 0, List.of());
        }
        Candidate best = ranked.get(0);
        double next = ranked.size() > 1 ? ranked.get(1).score() : 0;
        if (best.score() < ACCEPT) {
            return Heard.none(said, best.score(), List.of());
        }
        if (best.kind() == Kind.NONE) {
            return Heard.smallTalk(said, best.score());
        }
        if (conditional(said)) {
            // "If his lips start swelling, call 999" names a screen's signs, but as advice: a line that says the
            // whole of a safety-netting step with a number to ring, and says when ("if", "in case"), is that step.
            for (Candidate c : ranked) {
                if (c.kind() == Kind.SAFETY_NET && ranking.contained().contains(c.itemId()) && c.score() >= ACCEPT) {
                    return new Heard(said, c.kind(), c.itemId(), c.itemText(), c.score(), List.of());
                }
            }
        }
        if (best.score() - next < MARGIN) {
            return ranked.get(1).kind() == Kind.NONE ? Heard.none(said, best.score(), List.of())
                    : Heard.none(said, best.score(), ranked.subList(0, 2));
        }
        if (best.kind() == Kind.QUESTION) {
            // "If she goes floppy or is hard to wake, call 999" says the whole of a safety-netting step with a number
            // to ring and names the signs a screen asks about: never credit the screen for advice; the caller asks
            // which was meant.
            for (Candidate c : ranked) {
                if (c.kind() == Kind.SAFETY_NET && ranking.contained().contains(c.itemId()) && c.score() >= ACCEPT) {
                    return Heard.none(said, best.score(), List.of(best, c));
                }
            }
        }
        return new Heard(said, best.kind(), best.itemId(), best.itemText(), best.score(), List.of());
    }

    private static final Pattern CONDITIONAL = Pattern.compile(
            "(?i)\\b(if|in case|as soon as|the moment)\\b");

    /** A line that says when to do something: "if he goes floppy...", "in case it gets worse...". */
    static boolean conditional(String said) {
        return CONDITIONAL.matcher(said).find();
    }

    /**
     * Candidates best first, and the ids of items a whole phrasing of which (two words or more, one of them a
     * number to ring, such as "call 999") was said.
     */
    private record Ranking(List<Candidate> ranked, Set<String> contained) {
    }

    /** Items by score, best first (one entry per item). */
    public List<Candidate> rank(String utterance) {
        return ranking(utterance).ranked();
    }

    private Ranking ranking(String utterance) {
        String text = MatchAnalyzer.normalise(utterance);
        Set<String> nameWords = nameWords(text);
        List<String> corrected = correctSpelling(surface.terms(text), nameWords);
        List<String> terms = analyzer.terms(String.join(" ", corrected));
        if (terms.isEmpty()) {
            return new Ranking(List.of(), Set.of());
        }
        Set<String> names = new HashSet<>(analyzer.terms(String.join(" ", nameWords)));
        Set<String> query = new LinkedHashSet<>();
        for (String t : terms) {
            query.add(weight.containsKey(t) || names.contains(t) ? t : correctStem(t));
        }
        double queryWeight = 0;
        for (String t : query) {
            queryWeight += weightOf(t, names);
        }
        double[] best = new double[items.size()];
        Set<String> contained = new HashSet<>();
        try {
            for (ScoreDoc hit : searcher.search(query(query), CANDIDATES).scoreDocs) {
                Phrasing p = phrasings.get(searcher.storedFields().document(hit.doc).getField("phrasing")
                        .numericValue().intValue());
                double shared = 0;
                double phrasingWeight = 0;
                for (String t : p.terms()) {
                    double w = weightOf(t, names);
                    phrasingWeight += w;
                    if (query.contains(t)) {
                        shared += w;
                    }
                }
                double precision = shared / queryWeight;
                double inItem = 0;
                for (String t : query) {
                    if (itemTerms.get(p.item()).contains(t)) {
                        inItem += weightOf(t, names);
                    }
                }
                precision = (1 - ITEM_VOCAB) * precision + ITEM_VOCAB * inItem / queryWeight;
                double recall = shared / phrasingWeight;
                double score = PRECISION_WEIGHT * precision + (1 - PRECISION_WEIGHT) * recall;
                if (recall > 0.999 && p.terms().size() >= 2) {
                    // The whole of a phrasing of two or more words was said ("ring 999" in "if he goes floppy,
                    // ring 999"): strong evidence for it however much else was said around it.
                    score = Math.max(score, CONTAINMENT + (1 - CONTAINMENT) * precision);
                    if (p.terms().stream().anyMatch(t -> Character.isDigit(t.charAt(0)))) {
                        contained.add(items.get(p.item()).id()); // a number to ring: 999, 111
                    }
                }
                best[p.item()] = Math.max(best[p.item()], score);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Candidate> out = new ArrayList<>();
        for (int i = 0; i < best.length; i++) {
            if (best[i] > 0) {
                Item it = items.get(i);
                out.add(new Candidate(it.kind(), it.id(), it.text(), Math.round(best[i] * 1000) / 1000.0));
            }
        }
        out.sort((a, b) -> Double.compare(b.score(), a.score()));
        return new Ranking(out, contained);
    }

    private BooleanQuery query(Collection<String> terms) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String t : terms) {
            b.add(new TermQuery(new Term(TEXT, t)), BooleanClause.Occur.SHOULD);
            if (t.length() >= 5 && !weight.containsKey(t)) {
                b.add(new BoostQuery(new FuzzyQuery(new Term(TEXT, t), 1), 0.5f), BooleanClause.Occur.SHOULD);
            }
        }
        return b.build();
    }

    /**
     * A stem the index does not have, replaced by the closest stem it has ("brething" reads as "breth", close
     * to "breath"), when one is close; otherwise kept as it is.
     */
    private String correctStem(String stem) {
        if (stem.length() < 4 || !stem.chars().allMatch(Character::isLetter)) {
            return stem;
        }
        try {
            SuggestWord[] s = stemSpelling.suggestSimilar(new Term(TEXT, stem), 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
            return s.length > 0 ? s[0].string : stem;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Words the scenario does not know are replaced by the closest word of its index, when one is close. */
    private List<String> correctSpelling(List<String> words, Set<String> names) {
        List<String> out = new ArrayList<>(words.size());
        for (String w : words) {
            if (w.length() < 4 || knownWords.contains(w) || names.contains(w) || MatchAnalyzer.STOP.contains(w) || !w.chars().allMatch(Character::isLetter)) {
                out.add(w);
                continue;
            }
            try {
                SuggestWord[] s = spelling.suggestSimilar(new Term(RAW, w), 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
                out.add(s.length > 0 ? s[0].string : w);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
