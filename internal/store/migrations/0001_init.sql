-- Foundation schema: users and their API tokens, documents, one translation per
-- target language, segments and their append-only revisions.

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    name          TEXT    NOT NULL UNIQUE,
    role          TEXT    NOT NULL CHECK (role IN ('admin', 'reviewer', 'viewer')),
    password_hash TEXT    NOT NULL,
    created_at    TEXT    NOT NULL
);

CREATE TABLE api_tokens (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash TEXT    NOT NULL UNIQUE,
    created_at TEXT    NOT NULL
);

CREATE INDEX api_tokens_user ON api_tokens (user_id);

CREATE TABLE documents (
    id          INTEGER PRIMARY KEY,
    title       TEXT    NOT NULL,
    source_lang TEXT    NOT NULL,
    created_by  INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at  TEXT    NOT NULL
);

CREATE TABLE translations (
    id            INTEGER PRIMARY KEY,
    document_id   INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    lang          TEXT    NOT NULL,
    segment_count INTEGER NOT NULL,
    created_at    TEXT    NOT NULL,
    UNIQUE (document_id, lang)
);

-- pos is the segment's 0-based place in its translation; segments are never inserted
-- between others, so a page is a range of pos and costs the same at any depth.
CREATE TABLE segments (
    id             INTEGER PRIMARY KEY,
    translation_id INTEGER NOT NULL REFERENCES translations (id) ON DELETE CASCADE,
    pos            INTEGER NOT NULL,
    paragraph      INTEGER NOT NULL,
    idx            INTEGER NOT NULL,
    source         TEXT    NOT NULL,
    mt             TEXT    NOT NULL,
    target         TEXT    NOT NULL,
    state          TEXT    NOT NULL CHECK (state IN ('mt', 'draft', 'approved', 'rejected')),
    reason         TEXT    NOT NULL DEFAULT '',
    version        INTEGER NOT NULL,
    UNIQUE (translation_id, pos)
);

CREATE INDEX segments_state ON segments (translation_id, state, pos);

CREATE TABLE revisions (
    id         INTEGER PRIMARY KEY,
    segment_id INTEGER NOT NULL REFERENCES segments (id) ON DELETE CASCADE,
    version    INTEGER NOT NULL,
    text       TEXT    NOT NULL,
    state      TEXT    NOT NULL,
    kind       TEXT    NOT NULL,
    reason     TEXT    NOT NULL DEFAULT '',
    author_id  INTEGER REFERENCES users (id) ON DELETE SET NULL,
    distance   INTEGER NOT NULL,
    created_at TEXT    NOT NULL,
    UNIQUE (segment_id, version)
);
