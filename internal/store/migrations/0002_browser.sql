-- The browser: login sessions, slowed-down failed logins, comments, the user's UI
-- language, and a recognisable hint for each API token.

ALTER TABLE users ADD COLUMN locale TEXT NOT NULL DEFAULT '';

ALTER TABLE api_tokens ADD COLUMN hint TEXT NOT NULL DEFAULT '';

-- id_hash is the SHA-256 of the cookie's secret; the secret itself is never stored.
CREATE TABLE sessions (
    id_hash    TEXT    PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf_token TEXT    NOT NULL,
    created_at TEXT    NOT NULL,
    expires_at TEXT    NOT NULL
);

CREATE INDEX sessions_user ON sessions (user_id);

-- One row per account name ("user:NAME") and per client address ("addr:IP").
CREATE TABLE login_failures (
    key      TEXT    PRIMARY KEY,
    failures INTEGER NOT NULL,
    last_at  TEXT    NOT NULL
);

CREATE TABLE comments (
    id         INTEGER PRIMARY KEY,
    segment_id INTEGER NOT NULL REFERENCES segments (id) ON DELETE CASCADE,
    author_id  INTEGER REFERENCES users (id) ON DELETE SET NULL,
    body       TEXT    NOT NULL,
    created_at TEXT    NOT NULL
);

CREATE INDEX comments_segment ON comments (segment_id, id);
