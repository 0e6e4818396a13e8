-- How many segments of each translation are in each state, kept up to date in the
-- same transaction as every segment change, so that progress bars cost the same for
-- a 100,000-segment article as for a short one.
CREATE TABLE translation_states (
    translation_id INTEGER NOT NULL REFERENCES translations (id) ON DELETE CASCADE,
    state          TEXT    NOT NULL,
    n              INTEGER NOT NULL,
    PRIMARY KEY (translation_id, state)
);

INSERT INTO translation_states (translation_id, state, n)
SELECT translation_id, state, COUNT(*) FROM segments GROUP BY translation_id, state;
