package org.iopd.analysis;

import org.elasticsearch.plugin.settings.AnalysisSettings;
import org.elasticsearch.plugin.settings.BooleanSetting;
import org.elasticsearch.plugin.settings.IntSetting;

/** The settings of the n-gram filters and tokenizers, with analysis-common's defaults. */
@AnalysisSettings
public interface GramSettings {
    @IntSetting(path = "min_gram", defaultValue = 1)
    int minGram();

    @IntSetting(path = "max_gram", defaultValue = 2)
    int maxGram();

    @BooleanSetting(path = "preserve_original", defaultValue = false)
    boolean preserveOriginal();
}
