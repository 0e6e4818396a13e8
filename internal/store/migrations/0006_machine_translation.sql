-- Machine translation in the background. A translation made by a provider is
-- created with its segments (source only, version 0: no revision yet) in status
-- 'queued'; a job fills the segments batch by batch ('running', done counting
-- them) and sets 'ready', or 'failed' with the reason, after which a retry
-- goes on from the segments still empty. Only a ready translation is shown for
-- review or exported. Translations imported with their text are ready at once.
ALTER TABLE translations ADD COLUMN status TEXT NOT NULL DEFAULT 'ready'
    CHECK (status IN ('queued', 'running', 'ready', 'failed'));
ALTER TABLE translations ADD COLUMN provider TEXT NOT NULL DEFAULT '';
ALTER TABLE translations ADD COLUMN done INTEGER NOT NULL DEFAULT 0;
ALTER TABLE translations ADD COLUMN error TEXT NOT NULL DEFAULT '';
ALTER TABLE translations ADD COLUMN claimed_at TEXT NOT NULL DEFAULT '';

CREATE INDEX translations_status ON translations (status);
CREATE INDEX segments_unfilled ON segments (translation_id, version, pos);
