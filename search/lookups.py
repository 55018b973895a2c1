"""`text__has_words="climate assem"`: the folded text holds these words in this order, the
last one as the start of a word. The database fallback matches query words with it.

Everywhere it is a LIKE on " climate assem". On PostgreSQL it is first a full-text match on
a GIN index of the text's words (migration 0005), which finds the documents of a common word
from the index instead of reading every text; the LIKE then only checks the order of several
words. The 'simple' configuration neither stems nor drops stop words, so both agree."""

from django.db import models
from django.db.models.lookups import Contains

TSVECTOR = "strip(to_tsvector('simple'::regconfig, {}))"


class SearchableText(models.TextField):
    """Text of space-separated folded words (see search.documents.words)."""


@SearchableText.register_lookup
class HasWords(models.Lookup):
    lookup_name = "has_words"
    prepare_rhs = False

    def _like(self, compiler, connection):
        return Contains(self.lhs, f" {self.rhs}").as_sql(compiler, connection)

    def as_sql(self, compiler, connection):
        return self._like(compiler, connection)

    def as_postgresql(self, compiler, connection):
        words = str(self.rhs).split()
        # PostgreSQL's parser splits words at "_", which the folded text keeps whole.
        if not words or any("_" in word for word in words):
            return self._like(compiler, connection)
        lhs, lhs_params = compiler.compile(self.lhs)
        lexemes = [f"'{word}'" for word in words[:-1]] + [f"'{words[-1]}':*"]
        sql = f"{TSVECTOR.format(lhs)} @@ to_tsquery('simple'::regconfig, %s)"
        params = [*lhs_params, " & ".join(lexemes)]
        if len(words) > 1:
            like, like_params = self._like(compiler, connection)
            sql, params = f"{sql} AND {like}", [*params, *like_params]
        return sql, params
