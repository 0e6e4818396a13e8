-- Translation memory: every approved (or imported) segment pair of a language pair,
-- and a trigram index over the sources for fuzzy candidates, in plain tables.
--
-- source_hash and target_hash are the first 128 bits of the SHA-256 of the texts, in
-- hex, computed by the store. The pair is unique through them rather than through the
-- texts themselves, because a PostgreSQL b-tree cannot index long texts; the unique
-- index also serves the exact lookup (pair, source_hash).

-- One row per language pair; entries is how many memory rows it has.
CREATE TABLE memory_pairs (
    id          INTEGER PRIMARY KEY,
    source_lang TEXT    NOT NULL,
    target_lang TEXT    NOT NULL,
    entries     INTEGER NOT NULL,
    UNIQUE (source_lang, target_lang)
);

CREATE TABLE memory (
    id          INTEGER PRIMARY KEY,
    source_lang TEXT    NOT NULL,
    target_lang TEXT    NOT NULL,
    source      TEXT    NOT NULL,
    target      TEXT    NOT NULL,
    source_hash TEXT    NOT NULL,
    target_hash TEXT    NOT NULL,
    document_id INTEGER REFERENCES documents (id) ON DELETE SET NULL,
    reviewer_id INTEGER REFERENCES users (id) ON DELETE SET NULL,
    created_at  TEXT    NOT NULL,
    changed_at  TEXT    NOT NULL,
    UNIQUE (source_lang, target_lang, source_hash, target_hash)
);

CREATE INDEX memory_document ON memory (document_id);
CREATE INDEX memory_reviewer ON memory (reviewer_id);

-- The distinct trigrams of each pair's sources (lower-cased, tags stripped, spaces
-- normalised, counted in characters) and how many entries hold each, so that a
-- lookup reads the postings of the query's rarest trigrams only.
CREATE TABLE memory_grams (
    id      INTEGER PRIMARY KEY,
    pair_id INTEGER NOT NULL REFERENCES memory_pairs (id) ON DELETE CASCADE,
    gram    TEXT    NOT NULL,
    n       INTEGER NOT NULL,
    UNIQUE (pair_id, gram)
);

-- One row per trigram of each entry's source. No foreign keys: the store alone
-- writes and deletes postings, and checking (or cascading) them row by row would
-- cost more than the rest of an import together.
CREATE TABLE memory_postings (
    gram_id   INTEGER NOT NULL,
    memory_id INTEGER NOT NULL
);

CREATE INDEX memory_postings_gram ON memory_postings (gram_id, memory_id);
