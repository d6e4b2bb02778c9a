"""The gallery's search vocabulary is the active spec's lexicon (generation.prompting), not a file: a
term a curator adds to the active spec version is kept whole by the gallery's tokenizer."""
import pytest

from gallery.tokens import index_terms, same_vocabulary, tokenize
from generation.prompting.models import SpecVersion, Term
from generation.prompting.spec import clear_cache

pytestmark = pytest.mark.django_db

NEW_WORD = "缂丝掼梭"  # not in jieba's dictionary nor in the repository's lexicon


@pytest.fixture(autouse=True)
def fresh_cache():
    clear_cache()
    yield
    clear_cache()


def test_a_term_added_to_the_active_spec_is_one_search_word():
    text = f"这一步用{NEW_WORD}的手法"
    assert NEW_WORD not in tokenize(text)
    spec = SpecVersion.objects.get(is_active=True)
    Term.objects.create(spec=spec, term=NEW_WORD, category="action", crafts="suxiu", synonyms=[])
    assert NEW_WORD in tokenize(text)
    assert NEW_WORD in index_terms(text)


def test_one_lookup_of_the_active_spec_per_block(django_assert_max_num_queries):
    tokenize("预热")  # build the tokenizer outside the measured block
    with django_assert_max_num_queries(1):
        with same_vocabulary():
            for _ in range(20):
                tokenize("苏绣的正抢针法怎么走针")
