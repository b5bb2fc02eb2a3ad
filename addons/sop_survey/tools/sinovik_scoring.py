"""SINOVIK scoring helpers: word counts, weighted juror scores and ranking.

Pure functions (no ORM), shared by the SINOVIK models of ``sop_survey``.

Score of one juror = Σ(score × weight) / Σ(max × weight) × 100 (0–100).
Score of a proposal in a stage = mean of its jurors' scores.

Ranking tie-break (documented rule, applied in this order):
1. higher stage score;
2. higher mean score in the criterion with the highest weight
   (the first of them by sequence when several share the highest weight);
3. earlier submission time;
4. lower record id.
"""

import re

WORD_RE = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*", re.UNICODE)

# scores are compared after rounding, so floating noise never decides a rank
PRECISION = 6


def count_words(text):
    """Number of words of a text: letter/digit runs; hyphenated words count once.

    >>> count_words("Layanan antar-jemput  dokumen, 24 jam.")
    5
    """
    if not text:
        return 0
    return len(WORD_RE.findall(text))


def juror_score(scores, criteria):
    """Normalised 0–100 score of one juror.

    ``scores``: {criterion_key: score}; ``criteria``: {criterion_key: (weight, max_score)}.
    Missing scores count as 0.
    """
    denominator = sum(weight * max_score for weight, max_score in criteria.values())
    if not denominator:
        return 0.0
    numerator = sum(scores.get(key, 0.0) * weight for key, (weight, _max) in criteria.items())
    return numerator / denominator * 100.0


def mean(values):
    values = list(values)
    return sum(values) / len(values) if values else 0.0


def rank_entries(entries):
    """Rank entries; return them sorted, each with a ``rank`` (1-based) key added.

    ``entries``: iterable of dicts with ``score``, ``key_score`` (mean in the
    highest-weight criterion), ``submit_time`` (comparable, None = last) and ``id``.
    """

    def sort_key(entry):
        submit = entry.get("submit_time")
        return (
            -round(entry["score"], PRECISION),
            -round(entry.get("key_score") or 0.0, PRECISION),
            submit is None,
            submit or 0,
            entry["id"],
        )

    ranked = sorted(entries, key=sort_key)
    for position, entry in enumerate(ranked, start=1):
        entry["rank"] = position
    return ranked
