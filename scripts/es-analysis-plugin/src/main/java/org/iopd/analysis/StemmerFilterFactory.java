package org.iopd.analysis;

import java.util.Locale;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.es.SpanishPluralStemFilter;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.fr.FrenchMinimalStemFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.StringSetting;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.FrenchStemmer;
import org.tartarus.snowball.ext.SpanishStemmer;

/**
 * "stemmer" for the site's languages, each "language" mapped to the Lucene filter analysis-common
 * maps it to, so that an index stems the same words on Elasticsearch as on OpenSearch.
 */
@NamedComponent("stemmer")
public class StemmerFilterFactory implements TokenFilterFactory {

    @AnalysisSettings
    public interface Settings {
        @StringSetting(path = "language", defaultValue = "english")
        String language();
    }

    private final UnaryOperator<TokenStream> stemmer;

    @Inject
    public StemmerFilterFactory(Settings settings) {
        this.stemmer = stemmer(settings.language().toLowerCase(Locale.ROOT));
    }

    static UnaryOperator<TokenStream> stemmer(String language) {
        return switch (language) {
            case "english" -> PorterStemFilter::new;
            case "porter2" -> stream -> new SnowballFilter(stream, new EnglishStemmer());
            case "light_english", "kstem" -> KStemFilter::new;
            case "minimal_english" -> EnglishMinimalStemFilter::new;
            case "possessive_english" -> EnglishPossessiveFilter::new;
            case "french" -> stream -> new SnowballFilter(stream, new FrenchStemmer());
            case "light_french" -> FrenchLightStemFilter::new;
            case "minimal_french" -> FrenchMinimalStemFilter::new;
            case "spanish" -> stream -> new SnowballFilter(stream, new SpanishStemmer());
            case "light_spanish" -> SpanishLightStemFilter::new;
            case "spanish_plural" -> SpanishPluralStemFilter::new;
            default -> throw new IllegalArgumentException(
                "stemmer: language [" + language + "] is not one this plugin provides");
        };
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return stemmer.apply(tokenStream);
    }
}
