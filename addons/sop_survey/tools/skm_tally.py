"""The SKM tally: score sums and respondents per (period, unit, element), kept by the database.

The IKM dashboard (``sop.skm.result``) reads these sums instead of grouping every
answer line of the city (1.8 million lines after five years) on each pivot cell.

``sop_skm_tally`` is an append-only ledger of signed deltas: triggers on the
answer lines, the answers (``survey_user_input``), the questions and the
questionnaires add a row for every change that moves a sum, whatever writes it
(the public form, a correction, the ORM, a raw SQL import). Appending never
conflicts between concurrent submissions. :func:`compact_sql` folds the ledger
into one row per key (hourly cron); :func:`rebuild_sql` recomputes it from the
answers (install, upgrade, nightly), which is also correct under concurrent
writes: what a concurrent transaction commits after the rebuild's snapshot stays
in the ledger as its own delta.

Which answers count is the one definition of :mod:`.skm_answers`, the same as the
IKM report's. A row with ``element`` NULL counts respondents; the others count
the answers and the score total of one element.

Deletions are taken before the row goes (BEFORE DELETE): an answer line counts
while its line, its answer and its question all exist, so the first of them to be
deleted takes the contribution away and the cascade finds nothing left to take.
"""

from .skm_answers import counted_inputs_where
from .skm_answers import scored_lines_where

TABLE = "sop_skm_tally"

CREATE_TABLE_SQL = f"""
CREATE TABLE IF NOT EXISTS {TABLE} (
    id bigserial PRIMARY KEY,
    period_id integer NOT NULL,
    unit_id integer NOT NULL,
    element varchar,
    answers bigint NOT NULL DEFAULT 0,
    score_total numeric NOT NULL DEFAULT 0,
    respondents bigint NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS {TABLE}_key_index ON {TABLE} (period_id, unit_id, element);
"""


def _lines_delta(sign, lines, inputs, questions, extra=""):
    """INSERT of the signed element sums of ``lines`` joined to ``inputs`` and ``questions``.

    Each argument is a FROM item whose alias is l (lines), ui (inputs), q (questions).
    """
    return f"""
    INSERT INTO {TABLE} (period_id, unit_id, element, answers, score_total)
    SELECT ui.skm_period_id, ui.skm_unit_id, q.skm_element, {sign} COUNT(*), {sign} SUM(l.answer_score)::numeric
      FROM {lines}
      JOIN {inputs} ON ui.id = l.user_input_id
      JOIN {questions} ON q.id = l.question_id
     WHERE {counted_inputs_where("ui")} AND {scored_lines_where("l", "q")}
       AND ui.skm_period_id IS NOT NULL AND ui.skm_unit_id IS NOT NULL {extra}
  GROUP BY ui.skm_period_id, ui.skm_unit_id, q.skm_element;
    """


def _respondents_delta(sign, inputs, surveys="survey_survey s", extra=""):
    """INSERT of the signed respondent counts of ``inputs`` (alias ui) of SKM questionnaires."""
    return f"""
    INSERT INTO {TABLE} (period_id, unit_id, element, respondents)
    SELECT ui.skm_period_id, ui.skm_unit_id, NULL, {sign} COUNT(*)
      FROM {inputs}
      JOIN {surveys} ON s.id = ui.survey_id AND s.is_skm
     WHERE {counted_inputs_where("ui")}
       AND ui.skm_period_id IS NOT NULL AND ui.skm_unit_id IS NOT NULL {extra}
  GROUP BY ui.skm_period_id, ui.skm_unit_id;
    """


LINE_COLUMNS = ("user_input_id", "question_id", "skipped", "answer_score")
INPUT_COLUMNS = ("state", "test_entry", "skm_unit_id", "skm_period_id", "survey_id")


def _changed_rows(columns, side):
    """The ``side`` (o: before, n: after) of the updated rows whose ``columns`` changed."""
    before = ", ".join(f"o.{column}" for column in columns)
    after = ", ".join(f"n.{column}" for column in columns)
    return (
        f"(SELECT {side}.* FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE ({before}) IS DISTINCT FROM ({after}))"
    )


# The answers a statement touches are share-locked, and those already counted ('done') get a new row
# version: under repeatable read a lock alone does not stop a concurrent change of the answer (its
# state, unit, period) once the lock's holder commits, and that change would then move the sums of
# the lines as its own snapshot saw them (before a corrected score, with a deleted line). Against a
# new version it fails with a serialization error and Odoo replays it. The lines of a deleted answer
# or question (a cascade: trigger depth > 1) leave their answers alone, unlocked.
_LOCK_INPUTS = (
    "PERFORM 1 FROM survey_user_input WHERE id IN ({ids}) FOR SHARE;\n"
    "        IF pg_trigger_depth() = 1 THEN\n"
    "            UPDATE survey_user_input SET state = state WHERE state = 'done' AND id IN ({ids});\n"
    "        END IF;"
)
_NEW_INPUTS = "SELECT user_input_id FROM new_rows"
_OLD_INPUTS = "SELECT user_input_id FROM old_rows"

FUNCTIONS_SQL = f"""
CREATE OR REPLACE FUNCTION {TABLE}_lines() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        {_LOCK_INPUTS.format(ids=_NEW_INPUTS)}
        {_lines_delta("+", "new_rows l", "survey_user_input ui", "survey_question q")}
    ELSIF TG_OP = 'DELETE' THEN
        IF pg_trigger_depth() = 1 THEN
        {_LOCK_INPUTS.format(ids=_OLD_INPUTS)}
        END IF;
        {_lines_delta("-", "old_rows l", "survey_user_input ui", "survey_question q")}
    ELSE
        {_LOCK_INPUTS.format(ids=f"{_OLD_INPUTS} UNION {_NEW_INPUTS}")}
        {_lines_delta("-", _changed_rows(LINE_COLUMNS, "o") + " l", "survey_user_input ui", "survey_question q")}
        {_lines_delta("+", _changed_rows(LINE_COLUMNS, "n") + " l", "survey_user_input ui", "survey_question q")}
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION {TABLE}_inputs() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        {_respondents_delta("+", "new_rows ui")}
    ELSE
        {_respondents_delta("-", _changed_rows(INPUT_COLUMNS, "o") + " ui")}
        {_lines_delta("-", "survey_user_input_line l", _changed_rows(INPUT_COLUMNS, "o") + " ui", "survey_question q")}
        {_respondents_delta("+", _changed_rows(INPUT_COLUMNS, "n") + " ui")}
        {_lines_delta("+", "survey_user_input_line l", _changed_rows(INPUT_COLUMNS, "n") + " ui", "survey_question q")}
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION {TABLE}_input_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    {_respondents_delta("-", "(SELECT OLD.*) ui")}
    {_lines_delta("-", "survey_user_input_line l", "(SELECT OLD.*) ui", "survey_question q")}
    RETURN OLD;
END $$;

CREATE OR REPLACE FUNCTION {TABLE}_question() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    {_lines_delta("-", "survey_user_input_line l", "survey_user_input ui", "(SELECT OLD.*) q")}
    IF TG_OP = 'UPDATE' THEN
        {_lines_delta("+", "survey_user_input_line l", "survey_user_input ui", "(SELECT NEW.*) q")}
        RETURN NEW;
    END IF;
    RETURN OLD;
END $$;

CREATE OR REPLACE FUNCTION {TABLE}_survey() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    {_respondents_delta("-", "survey_user_input ui", "(SELECT OLD.*) s", "AND ui.survey_id = OLD.id")}
    IF TG_OP = 'UPDATE' THEN
        {_respondents_delta("+", "survey_user_input ui", "(SELECT NEW.*) s", "AND ui.survey_id = NEW.id")}
        RETURN NEW;
    END IF;
    RETURN OLD;
END $$;
"""

TRIGGERS = (
    # (name, table, timing and events, transition tables, level and condition, function)
    (
        "lines_insert",
        "survey_user_input_line",
        "AFTER INSERT",
        "REFERENCING NEW TABLE AS new_rows",
        "STATEMENT",
        "lines",
    ),
    (
        "lines_update",
        "survey_user_input_line",
        "AFTER UPDATE",
        "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows",
        "STATEMENT",
        "lines",
    ),
    (
        "lines_delete",
        "survey_user_input_line",
        "AFTER DELETE",
        "REFERENCING OLD TABLE AS old_rows",
        "STATEMENT",
        "lines",
    ),
    ("inputs_insert", "survey_user_input", "AFTER INSERT", "REFERENCING NEW TABLE AS new_rows", "STATEMENT", "inputs"),
    (
        "inputs_update",
        "survey_user_input",
        "AFTER UPDATE",
        "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows",
        "STATEMENT",
        "inputs",
    ),
    ("input_delete", "survey_user_input", "BEFORE DELETE", "", "ROW", "input_deleted"),
    (
        "question_update",
        "survey_question",
        "AFTER UPDATE",
        "",
        "ROW WHEN (OLD.skm_element IS DISTINCT FROM NEW.skm_element)",
        "question",
    ),
    ("question_delete", "survey_question", "BEFORE DELETE", "", "ROW WHEN (OLD.skm_element IS NOT NULL)", "question"),
    (
        "survey_update",
        "survey_survey",
        "AFTER UPDATE",
        "",
        "ROW WHEN (OLD.is_skm IS DISTINCT FROM NEW.is_skm)",
        "survey",
    ),
    ("survey_delete", "survey_survey", "BEFORE DELETE", "", "ROW WHEN (OLD.is_skm)", "survey"),
)


def install_sql():
    """The table, its functions and triggers (idempotent)."""
    statements = [CREATE_TABLE_SQL, FUNCTIONS_SQL]
    for name, table, when, transition, level, function in TRIGGERS:
        statements.append(
            f"DROP TRIGGER IF EXISTS {TABLE}_{name} ON {table};"
            f"CREATE TRIGGER {TABLE}_{name} {when} ON {table} {transition} "
            f"FOR EACH {level} EXECUTE FUNCTION {TABLE}_{function}();"
        )
    return "\n".join(statements)


def rebuild_sql():
    """Replace the ledger by the sums of the answers in the current snapshot."""
    return f"""
    DELETE FROM {TABLE};
    {_respondents_delta("", "survey_user_input ui")}
    {_lines_delta("", "survey_user_input_line l", "survey_user_input ui", "survey_question q")}
    """


def compact_sql():
    """Fold the ledger rows this transaction sees into one row per key; keys that sum to nothing go."""
    return f"""
    WITH folded AS (DELETE FROM {TABLE} RETURNING period_id, unit_id, element, answers, score_total, respondents)
    INSERT INTO {TABLE} (period_id, unit_id, element, answers, score_total, respondents)
    SELECT period_id, unit_id, element, SUM(answers), SUM(score_total), SUM(respondents)
      FROM folded
  GROUP BY period_id, unit_id, element
    HAVING SUM(answers) <> 0 OR SUM(score_total) <> 0 OR SUM(respondents) <> 0
    """


def totals_sql():
    """(period_id, unit_id, element, answers, score_total, respondents) per key, from the ledger."""
    return f"""
    SELECT period_id, unit_id, element, SUM(answers), SUM(score_total), SUM(respondents)
      FROM {TABLE}
  GROUP BY period_id, unit_id, element
    HAVING SUM(answers) <> 0 OR SUM(score_total) <> 0 OR SUM(respondents) <> 0
    """
