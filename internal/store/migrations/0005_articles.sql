-- Whole articles: the shape an article came in (text, markdown, html); for each
-- segment the block of the article it belongs to (a path such as "h2" or
-- "ul#1>li#2>li", '' for plain text), the table of its protected inline tags
-- (JSON, '' when it has none), and the alignment grouping that made it ("2-1"
-- when sentences were joined, '' for one sentence on each side).
ALTER TABLE documents ADD COLUMN format TEXT NOT NULL DEFAULT 'text';
ALTER TABLE segments ADD COLUMN block TEXT NOT NULL DEFAULT '';
ALTER TABLE segments ADD COLUMN tags TEXT NOT NULL DEFAULT '';
ALTER TABLE segments ADD COLUMN grouping TEXT NOT NULL DEFAULT '';
