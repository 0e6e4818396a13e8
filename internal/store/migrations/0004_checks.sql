-- Checks: each segment keeps the issues found in its current target (JSON, for
-- showing) and their check ids (",id,id,", for filtering), recomputed in the same
-- transaction as every change; the checks an editor dismissed for the segment; and
-- the glossary of each language pair.
ALTER TABLE segments ADD COLUMN issues TEXT NOT NULL DEFAULT '[]';
ALTER TABLE segments ADD COLUMN issue_checks TEXT NOT NULL DEFAULT '';
ALTER TABLE segments ADD COLUMN dismissed TEXT NOT NULL DEFAULT '';

CREATE TABLE glossary_terms (
    id          INTEGER PRIMARY KEY,
    source_lang TEXT    NOT NULL,
    target_lang TEXT    NOT NULL,
    source      TEXT    NOT NULL,
    target      TEXT    NOT NULL,
    note        TEXT    NOT NULL DEFAULT '',
    created_at  TEXT    NOT NULL,
    UNIQUE (source_lang, target_lang, source)
);
