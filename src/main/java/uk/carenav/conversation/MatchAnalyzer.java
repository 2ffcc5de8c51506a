package uk.carenav.conversation;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.FlattenGraphFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;

/**
 * How utterances and phrasings are read: words, lower case, "where's" as "where", the small words of spoken English dropped,
 * English stemming (Porter), then the catalogue's synonyms mapped onto their first word. The same analysis
 * is used for the index and for what the navigator types. {@link #surface()} reads words only (lower case,
 * folded accents), for spelling correction.
 */
final class MatchAnalyzer extends Analyzer {

    /**
     * Words that carry no meaning for which item was meant. Negations ("not", "no") are dropped too: a
     * navigator asking "no chest pain?" asks the same screen as "any chest pain?".
     */
    static final CharArraySet STOP = new CharArraySet(List.of(
            "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "can", "could", "did", "do", "does",
            "for", "from", "had", "has", "have", "he", "her", "him", "his", "how", "i", "i'm", "if", "in", "into", "is",
            "it", "it's", "its", "just", "me", "my", "of", "on", "or", "our", "she", "so", "some", "that", "the",
            "their", "them", "then", "there", "they", "this", "to", "us", "was", "we", "were", "will", "would",
            "you", "you're", "your", "yours", "any", "anything", "ask", "please", "okay", "ok", "right", "well",
            "um", "erm", "er", "ah", "oh", "quick", "quickly", "may", "might", "should", "shall", "am", "also",
            "there's", "what's", "that's", "he's", "she's", "they're", "we're", "i'll", "i've", "you've", "you'll",
            "let", "let's", "bit", "little", "really", "very", "get", "got", "getting", "know", "tell", "mind",
            "wondering", "wonder", "need", "wanted", "want", "sorry", "thanks", "thank", "love", "dear", "hun",
            "no", "not", "don't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "haven't", "hasn't", "nothing",
            "can't", "cannot", "won't", "either", "yet", "ever", "all", "at"), true);

    private final SynonymMap synonyms;
    private final boolean stem;

    private MatchAnalyzer(SynonymMap synonyms, boolean stem) {
        this.synonyms = synonyms;
        this.stem = stem;
    }

    /** The analyser for the index and for utterances, with the catalogue's synonym groups. */
    static MatchAnalyzer withSynonyms(List<List<String>> groups) {
        MatchAnalyzer plain = new MatchAnalyzer(null, true);
        try {
            SynonymMap.Builder b = new SynonymMap.Builder(true);
            int added = 0;
            for (List<String> group : groups) {
                List<String> head = plain.terms(group.get(0));
                if (head.isEmpty()) {
                    continue;
                }
                CharsRef output = SynonymMap.Builder.join(head.toArray(String[]::new), new CharsRefBuilder());
                for (String word : group.subList(1, group.size())) {
                    List<String> in = plain.terms(word);
                    if (in.isEmpty() || in.equals(head) || collapses(word, in)) {
                        continue;
                    }
                    b.add(SynonymMap.Builder.join(in.toArray(String[]::new), new CharsRefBuilder()), output,
                            true);
                    added++;
                }
            }
            return new MatchAnalyzer(added == 0 ? null : b.build(), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            plain.close();
        }
    }

    /**
     * An entry the analysis would shrink to something more general than it says: a negation ("no feeling"
     * would read as "feeling") or several words that become one ("hard to breathe" as "breathe"). Mapping it
     * would swallow every mention of the remaining word, so it is left out.
     */
    private static boolean collapses(String entry, List<String> terms) {
        String[] words = entry.toLowerCase(Locale.ROOT).split("[^a-z0-9']+");
        for (String w : words) {
            if (w.equals("no") || w.equals("not") || w.equals("never") || w.equals("cannot") || w.endsWith("n't")) {
                return true;
            }
        }
        return words.length > 1 && terms.size() == 1;
    }

    /** Words only, for the spelling field. */
    static MatchAnalyzer surface() {
        return new MatchAnalyzer(null, false);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream s = new LowerCaseFilter(source);
        s = new ASCIIFoldingFilter(s);
        s = new EnglishPossessiveFilter(s);
        if (stem) {
            s = new StopFilter(s, STOP);
            s = new PorterStemFilter(s);
            if (synonyms != null) {
                s = new FlattenGraphFilter(new SynonymGraphFilter(s, synonyms, true));
            }
        }
        return new TokenStreamComponents(source, s);
    }

    /** The terms of {@code text}, in order. */
    List<String> terms(String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = tokenStream("text", new StringReader(normalise(text)))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * Text-speak and short forms receptionists type, read as the words they stand for ("are u with her rn" as
     * "are you with her right now"). Words of three letters or fewer are too short for spelling correction, so
     * they are mapped here; clinical words and their colloquial forms belong in the catalogue's synonyms instead.
     */
    private static final Map<String, String> SHORTHAND = Map.ofEntries(
            Map.entry("u", "you"), Map.entry("ya", "you"), Map.entry("ur", "your"), Map.entry("r", "are"),
            Map.entry("rn", "right now"), Map.entry("atm", "at the moment"), Map.entry("wat", "what"),
            Map.entry("wot", "what"), Map.entry("wht", "what"), Map.entry("wher", "where"), Map.entry("nwo", "now"),
            Map.entry("pls", "please"), Map.entry("plz", "please"), Map.entry("tbh", ""), Map.entry("lol", ""),
            Map.entry("appt", "appointment"), Map.entry("apt", "appointment"), Map.entry("b4", "before"),
            Map.entry("2day", "today"), Map.entry("tmrw", "tomorrow"), Map.entry("tmr", "tomorrow"),
            Map.entry("cos", "because"), Map.entry("coz", "because"), Map.entry("abt", "about"),
            Map.entry("hrs", "hours"), Map.entry("mins", "minutes"), Map.entry("wk", "week"), Map.entry("wks", "weeks"),
            Map.entry("yrs", "years"), Map.entry("dob", "date of birth"), Map.entry("lmp", "last period"),
            Map.entry("prob", "probably"), Map.entry("def", "definitely"), Map.entry("smth", "something"),
            Map.entry("sth", "something"), Map.entry("ppl", "people"), Map.entry("bc", "because"),
            Map.entry("w/", "with"), Map.entry("thru", "through"), Map.entry("tho", "though"));
    private static final Pattern WORD = Pattern.compile("(?<![\\p{L}\\p{N}'])[\\p{L}\\p{N}/]+(?![\\p{L}\\p{N}'])");

    /** Curly quotes as straight ones, so "don’t" and "don't" read the same, and text-speak as its words. */
    static String normalise(String text) {
        String straight = text.replace('\u2019', '\'').replace('\u2018', '\'');
        Matcher m = WORD.matcher(straight);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String full = SHORTHAND.get(m.group().toLowerCase(Locale.ROOT));
            m.appendReplacement(out, Matcher.quoteReplacement(full == null ? m.group() : full));
        }
        m.appendTail(out);
        return out.toString();
    }
}
