-- The segments a machine translation still has to fill are found by a partial
-- index: only empty segments (version 0) are in it, so that a reviewer's save,
-- which bumps the version of a filled segment, does not touch it.
DROP INDEX segments_unfilled;
CREATE INDEX segments_unfilled ON segments (translation_id, pos) WHERE version = 0;
