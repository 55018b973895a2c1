package org.iopd.analysis;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenizer;
import org.elasticsearch.plugin.Inject;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenizerFactory;

/** "edge_ngram" tokenizer (every character kept: token_chars is not read), declared by Wagtail's back-end. */
@NamedComponent("edge_ngram")
public class EdgeNGramTokenizerFactory implements TokenizerFactory {

    private final GramSettings settings;

    @Inject
    public EdgeNGramTokenizerFactory(GramSettings settings) {
        this.settings = settings;
    }

    @Override
    public Tokenizer create() {
        return new EdgeNGramTokenizer(settings.minGram(), settings.maxGram());
    }
}
