-- What reviewers changed. editing_time holds the active time a segment was open
-- in an editor, as the review page reports it (focus to blur, idle time left out),
-- one row per report. segment_effort holds what a segment's approval measured,
-- written in the approval's transaction (and replaced if it is approved again),
-- so that reports never walk the whole history. revision_categories holds the
-- error categories (MQM-like) reviewers give an edit.
CREATE TABLE editing_time (
    id         INTEGER PRIMARY KEY,
    segment_id INTEGER NOT NULL REFERENCES segments (id) ON DELETE CASCADE,
    user_id    INTEGER REFERENCES users (id) ON DELETE SET NULL,
    ms         INTEGER NOT NULL,
    created_at TEXT    NOT NULL
);
CREATE INDEX editing_time_segment ON editing_time (segment_id);
CREATE INDEX editing_time_user ON editing_time (user_id, created_at);

CREATE TABLE segment_effort (
    segment_id     INTEGER PRIMARY KEY REFERENCES segments (id) ON DELETE CASCADE,
    translation_id INTEGER NOT NULL REFERENCES translations (id) ON DELETE CASCADE,
    approved_by    INTEGER REFERENCES users (id) ON DELETE SET NULL,
    approved_at    TEXT    NOT NULL,
    edits          INTEGER NOT NULL,
    editors        TEXT    NOT NULL, -- names of those who edited, comma-separated
    active_ms      INTEGER NOT NULL,
    char_distance  INTEGER NOT NULL,
    char_rate      REAL    NOT NULL,
    word_ins       INTEGER NOT NULL,
    word_del       INTEGER NOT NULL,
    word_sub       INTEGER NOT NULL,
    word_shifts    INTEGER NOT NULL,
    ref_words      INTEGER NOT NULL,
    word_rate      REAL    NOT NULL,
    kind           TEXT    NOT NULL,
    issues_removed TEXT    NOT NULL  -- check ids, comma-separated
);
CREATE INDEX segment_effort_translation ON segment_effort (translation_id);
CREATE INDEX segment_effort_approver ON segment_effort (approved_by, approved_at);

CREATE TABLE revision_categories (
    id         INTEGER PRIMARY KEY,
    segment_id INTEGER NOT NULL REFERENCES segments (id) ON DELETE CASCADE,
    version    INTEGER NOT NULL,
    category   TEXT    NOT NULL,
    severity   TEXT    NOT NULL,
    user_id    INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at TEXT    NOT NULL,
    UNIQUE (segment_id, version, category)
);
CREATE INDEX revision_categories_segment ON revision_categories (segment_id);

CREATE INDEX revisions_author ON revisions (author_id, created_at);
