package org.iopd.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ngram.NGramTokenFilter;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** "ngram", which Wagtail's own Elasticsearch back-end declares in its index settings. */
@NamedComponent("ngram")
public class NGramFilterFactory implements TokenFilterFactory {

    private final GramSettings settings;

    @Inject
    public NGramFilterFactory(GramSettings settings) {
        this.settings = settings;
    }

    @Override
    public TokenStream create(TokenStream tokenStream) {
        return new NGramTokenFilter(
            tokenStream, settings.minGram(), settings.maxGram(), settings.preserveOriginal());
    }
}
